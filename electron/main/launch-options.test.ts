import { describe, expect, it } from 'vitest';
import { LaunchOptionsSchema } from '../../shared/ipc/ipc-contract';
import { LaunchOptionsError, parseLaunchOverrides, resolveLaunchOptions } from './launch-options';
import { DEFAULT_SETTINGS } from './settings/settings-file';

/** What Electron passes: the executable, the app path, Chromium switches, then ours. */
const argv = (...flags: string[]) => ['/opt/Queueboard/queueboard', '.', '--no-sandbox', ...flags];

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LaunchOptionsError);
    return [...(error as LaunchOptionsError).problems];
  }
  throw new Error('expected a LaunchOptionsError');
}

/**
 * The options of a run with these flags over the default settings. allowInsecure is on so that parsing
 * can be tested with any host; the transport rule has its own tests below.
 */
const parseLaunchOptions = (args: readonly string[], env: Record<string, string | undefined>) =>
  resolveLaunchOptions({ ...DEFAULT_SETTINGS, allowInsecure: true }, parseLaunchOverrides(args, env));

describe('parseLaunchOverrides', () => {
  it('without flags overrides nothing', () => {
    expect(parseLaunchOverrides(argv(), {})).toEqual({});
  });

  it('returns only the options given', () => {
    expect(parseLaunchOverrides(argv('--mode=wall', '--display=1'), {})).toEqual({ mode: 'wall', display: 1 });
  });
});

describe('resolveLaunchOptions', () => {
  const stored = { ...DEFAULT_SETTINGS, gatewayUrl: 'https://gw.example', mode: 'wall' as const, officeId: 'lisbon', display: 2 };

  it('takes the stored settings when no flag is given', () => {
    const options = resolveLaunchOptions(stored, {});
    expect(options).toEqual({ gatewayUrl: 'https://gw.example', mode: 'wall', officeId: 'lisbon', groupId: null, display: 2 });
    expect(LaunchOptionsSchema.parse(options)).toEqual(options);
  });

  it('lets each flag override its setting for this run', () => {
    expect(resolveLaunchOptions(stored, { mode: 'desk', display: null })).toEqual({
      gatewayUrl: 'https://gw.example',
      mode: 'desk',
      officeId: 'lisbon',
      groupId: null,
      display: null,
    });
  });
});

describe('resolveLaunchOptions: the token travels in clear only on this machine (issue 15)', () => {
  it.each(['--gateway=http://10.0.0.5:4310', '--gateway=http://gw.example', '--gateway=http://localhost@evil.example'])(
    'refuses %s without allowInsecure, naming where it came from and what to do',
    (flag) => {
      const problems = problemsOf(() => resolveLaunchOptions(DEFAULT_SETTINGS, parseLaunchOverrides(argv(flag), {})));
      expect(problems).toEqual([expect.stringMatching(/^--gateway or QUEUEBOARD_GATEWAY_URL: http:\/\/.* is plain http:\/\/ to a gateway off this machine, so the token would travel in clear: use https:\/\/ \(README, "TLS"\), or set "allowInsecure": true in settings.json/)]);
    },
  );

  it('refuses it from QUEUEBOARD_GATEWAY_URL too, and from settings that were never checked', () => {
    expect(() => resolveLaunchOptions(DEFAULT_SETTINGS, parseLaunchOverrides(argv(), { QUEUEBOARD_GATEWAY_URL: 'http://wall-gw:4310' }))).toThrow(LaunchOptionsError);
    expect(problemsOf(() => resolveLaunchOptions({ ...DEFAULT_SETTINGS, gatewayUrl: 'http://wall-gw:4310' }, {}))).toEqual([
      expect.stringMatching(/^gatewayUrl in settings.json: http:\/\/wall-gw:4310 is plain http:\/\//),
    ]);
  });

  it.each(['http://127.0.0.1:4310', 'http://localhost:4310', 'http://[::1]:4310', 'https://gw.example', 'https://10.0.0.5:8443'])('accepts %s', (url) => {
    expect(resolveLaunchOptions(DEFAULT_SETTINGS, { gatewayUrl: url }).gatewayUrl).toBe(url);
  });

  it('accepts http:// off this machine when allowInsecure is on', () => {
    expect(resolveLaunchOptions({ ...DEFAULT_SETTINGS, allowInsecure: true }, { gatewayUrl: 'http://10.0.0.5:4310' }).gatewayUrl).toBe('http://10.0.0.5:4310');
  });
});

describe('launch options from flags over the default settings', () => {
  it('default to the local gateway in desk mode, every office, the display the OS picks', () => {
    const options = parseLaunchOptions(argv(), {});
    expect(options).toEqual({ gatewayUrl: 'http://127.0.0.1:4310', mode: 'desk', officeId: null, groupId: null, display: null });
    expect(LaunchOptionsSchema.parse(options)).toEqual(options);
  });

  it('read every flag', () => {
    const options = parseLaunchOptions(
      argv('--gateway=https://gw.example:8443/base', '--mode=desk', '--office=lisbon', '--group=partners', '--display=2'),
      {},
    );
    expect(options).toEqual({ gatewayUrl: 'https://gw.example:8443/base', mode: 'desk', officeId: 'lisbon', groupId: 'partners', display: 2 });
  });

  it('take the gateway from QUEUEBOARD_GATEWAY_URL, and the flag over the variable', () => {
    const env = { QUEUEBOARD_GATEWAY_URL: 'http://wall-gw:4310' };
    expect(parseLaunchOptions(argv(), env).gatewayUrl).toBe('http://wall-gw:4310');
    expect(parseLaunchOptions(argv('--gateway=http://other:1'), env).gatewayUrl).toBe('http://other:1');
    expect(parseLaunchOptions(argv(), { QUEUEBOARD_GATEWAY_URL: '' }).gatewayUrl).toBe('http://127.0.0.1:4310');
  });

  it('ignores arguments that are not its flags, and keeps "=" inside a value', () => {
    const options = parseLaunchOptions(argv('--inspect=9229', '--gateway=http://gw:4310/?a=b', 'wall'), {});
    expect(options.gatewayUrl).toBe('http://gw:4310/?a=b');
  });

  it.each([
    ['--mode=kiosk', '--mode="kiosk": must be wall or desk'],
    ['--display=two', '--display="two": must be a whole number from 0 (the primary display) to 15'],
    ['--display=-1', '--display="-1": must be a whole number from 0 (the primary display) to 15'],
    ['--display=1.5', '--display="1.5": must be a whole number from 0 (the primary display) to 15'],
    ['--display=16', '--display="16": must be a whole number from 0 (the primary display) to 15'],
    ['--office=Lisbon', '--office="Lisbon": must be an office id such as lisbon: lowercase a-z, 0-9 and "-"'],
    ['--group=Partners!', '--group="Partners!": must be a queue group id such as partners: lowercase a-z, 0-9 and "-"'],
    ['--gateway=ftp://gw', '--gateway="ftp://gw": must be an http:// or https:// URL such as http://127.0.0.1:4310'],
    ['--gateway=', '--gateway="": must be an http:// or https:// URL such as http://127.0.0.1:4310'],
    ['--mode', '--mode: needs a value, written --mode=VALUE; it must be wall or desk'],
  ])('refuses %s, naming the flag, the value and what is allowed', (flag, expected) => {
    expect(problemsOf(() => parseLaunchOptions(argv(flag), {}))).toEqual([expected]);
  });

  it('names the environment variable when its value is bad', () => {
    const problems = problemsOf(() => parseLaunchOptions(argv(), { QUEUEBOARD_GATEWAY_URL: 'gw:4310' }));
    expect(problems).toEqual([expect.stringMatching(/^QUEUEBOARD_GATEWAY_URL="gw:4310": must be an http/)]);
  });

  it('reports every bad flag at once, in a message a person can act on', () => {
    const run = () => parseLaunchOptions(argv('--mode=tv', '--display=x'), {});
    expect(problemsOf(run)).toHaveLength(2);
    expect(run).toThrow(/cannot start with these options:\n {2}- --mode="tv".*\n {2}- --display="x"/);
  });
});
