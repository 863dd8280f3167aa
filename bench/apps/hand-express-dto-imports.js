'use strict';
// Cold-start reference only: (b) plus the two libraries the example's DTOs import. It serves
// exactly as (b) does; what it adds is their load time, which any app using them pays.
require('class-validator');
require('class-transformer');
require('./hand-express');
