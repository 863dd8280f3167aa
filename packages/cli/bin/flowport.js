#!/usr/bin/env node
// Committed (not compiled) so that npm can link it as executable before the first build.
require('../dist/bin.js');
