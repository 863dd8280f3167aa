import { build, importConnector } from '@flowport/cli';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CONNECTORS } from './support/connectors';
import { scratch } from './support/tmp';

describe('flowport import of a connector folder with an icon and custom code', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => (tmp = scratch()));
  afterEach(() => tmp.cleanup());

  it('carries both into the project, whose build publishes them as they were', () => {
    // Before, the folder's icon.png was left behind, and the project's build published no icon.
    const folder = join(tmp.dir, 'folder');
    build(CONNECTORS.kitchenSink, { out: folder });
    const project = join(tmp.dir, 'project');
    importConnector({
      definition: join(folder, 'apiDefinition.swagger.json'),
      properties: join(folder, 'apiProperties.json'),
      out: project,
    });
    const rebuilt = join(project, 'connector');
    build(join(project, 'src', 'connector.ts'), { out: rebuilt });
    for (const name of ['icon.png', 'script.csx']) {
      assert.ok(readFileSync(join(rebuilt, name)).equals(readFileSync(join(folder, name))), name);
    }
    assert.deepEqual(
      JSON.parse(readFileSync(join(rebuilt, 'settings.json'), 'utf8')),
      JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8')),
    );
  });

  it('takes a folder named icon.png or script.csx for none', () => {
    // Before, reading a folder as the icon failed the import with EISDIR.
    const folder = join(tmp.dir, 'folder');
    build(CONNECTORS.kitchenSink, { out: folder });
    for (const name of ['icon.png', 'script.csx']) {
      rmSync(join(folder, name));
      mkdirSync(join(folder, name));
    }
    const project = join(tmp.dir, 'project');
    importConnector({
      definition: join(folder, 'apiDefinition.swagger.json'),
      properties: join(folder, 'apiProperties.json'),
      out: project,
    });
    assert.ok(!existsSync(join(project, 'icon.png')));
    assert.match(
      readFileSync(join(project, 'script.csx'), 'utf8'),
      /The original script\.csx was not beside the imported definition/,
    );
  });
});
