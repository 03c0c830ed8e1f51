import { createValidationLoop } from './validation-loop';

/** A pass that waits until the test lets it finish. */
function gatedRun() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const run = (notes: readonly string[]): Promise<void> => {
    batches.push([...notes]);
    return new Promise((resolve) => gates.push(resolve));
  };
  const release = async (): Promise<void> => {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { batches, run, release };
}

describe('the validation loop', () => {
  it('starts a pass at the first change, without waiting for a timer', () => {
    const { batches, run } = gatedRun();
    const loop = createValidationLoop({ run, onError: fail });
    loop.notify('A1');
    expect(batches).toEqual([['A1']]);
  });

  it('folds every change that arrives during a pass into one next pass', async () => {
    const { batches, run, release } = gatedRun();
    const loop = createValidationLoop({ run, onError: fail });
    loop.notify('first');
    for (let i = 0; i < 174; i++) loop.notify(`cell${i}`);
    expect(batches).toHaveLength(1);
    await release();
    expect(batches).toHaveLength(2);
    expect(batches[1]).toHaveLength(174);
    await release();
    await loop.idle();
    expect(loop.passes).toBe(2);
  });

  it('idle() waits for the pass a change started, and for the one folded after it', async () => {
    const { run, release } = gatedRun();
    const loop = createValidationLoop({ run, onError: fail });
    let settled = false;
    loop.notify('a');
    void loop.idle().then(() => (settled = true));
    loop.notify('b');
    await release();
    expect(settled).toBe(false);
    await release();
    expect(settled).toBe(true);
  });

  it('reports a failed pass and goes on with the next change', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = createValidationLoop<string>({
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('InvalidOperationInCellEditMode');
      },
      onError: (e) => errors.push(e),
    });
    loop.notify('a');
    await loop.idle();
    loop.notify('b');
    await loop.idle();
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('runs nothing after dispose', async () => {
    const { batches, run, release } = gatedRun();
    const loop = createValidationLoop({ run, onError: fail });
    loop.notify('a');
    loop.notify('b');
    loop.dispose();
    await release();
    await loop.idle();
    loop.notify('c');
    expect(batches).toEqual([['a']]);
  });
});

function fail(error: unknown): never {
  throw error;
}
