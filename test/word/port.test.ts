// The Word port as the task pane uses it: what it says this Word can do, that it refuses without
// WordApi 1.1 before touching Word, and that a batch Word refuses comes back as one error with its cause.
import { WordLinkError } from '../../src/word/errors';
import { createWordPort } from '../../src/word/port';
import { FakeWordError, runWord, supportsFor } from '../support/fake-word';
import { createWord, inputOf, parseXml, portFor, seed } from './support';

describe('createWordPort', () => {
  it.each([
    ['1.9', [], 'customXml'],
    ['1.4', [], 'customXml'],
    ['1.3', ['mergedCells', 'customXml'], 'settings'],
    ['1.1', ['builtInStyles', 'tables', 'customXml'], 'settings'],
  ])('on WordApi %s does without %j and keeps the snapshot in %s', (wordApi, degraded, snapshot) => {
    const port = portFor(createWord({ wordApi }));
    expect(port.supports).toMatchObject({ usable: true, snapshot });
    expect(port.supports.plan.degraded).toEqual(degraded);
  });

  it('refuses without WordApi 1.1, without calling Word.run', async () => {
    const run = jest.fn();
    const port = createWordPort({ run, isSetSupported: () => false, parseXml });
    expect(port.supports.usable).toBe(false);
    await expect(port.generate(inputOf(seed()))).rejects.toMatchObject({ code: 'API_UNSUPPORTED', syncs: 0 });
    await expect(port.refresh(inputOf(seed()))).rejects.toBeInstanceOf(WordLinkError);
    expect(run).not.toHaveBeenCalled();
  });

  it('turns a batch Word refuses into BATCH_FAILED with the Office error and the syncs made', async () => {
    const word = createWord();
    const supports = supportsFor(word);
    const port = createWordPort({
      run: (batch) =>
        runWord(word, (context) => {
          let syncs = 0;
          const sync = context.sync.bind(context);
          context.sync = async () => {
            syncs += 1;
            await sync();
            if (syncs === 2)
              throw new FakeWordError('GeneralException', 'There was an internal error while processing the request.');
          };
          return batch(context as unknown as Word.RequestContext);
        }),
      isSetSupported: (name, version) => supports(name, version),
      parseXml,
    });
    const failure = port.generate(inputOf(seed()));
    await expect(failure).rejects.toMatchObject({
      name: 'WordLinkError',
      code: 'BATCH_FAILED',
      syncs: 2,
      detail: 'There was an internal error while processing the request. (GeneralException)',
    });
    await expect(failure).rejects.toHaveProperty('cause.code', 'GeneralException');
  });
});
