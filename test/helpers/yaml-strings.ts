// For the YAML writer's tests (src/targets/yaml-emit.test.ts, test/e2e/yaml-pyyaml.test.ts).

/** Strings a careless writer gets wrong: other types in YAML 1.1 or 1.2, indicators, breaks, controls. */
export const TRICKY: string[] = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '1:20', '190:20:30', '0777', '0o17', '0x1F', '0b101', '1_000', '1e3', '.5', '-1', '+1',
  '.inf', '-.Inf', '.NaN', '<<', '=', ' lead', 'trail ', 'a: b', 'a:', 'a #b', 'a#b', '#x', '- x', '-', '? x', '*x', '&x', '!x', '%x', '@x', '`x',
  '"q"', "'s'", '{x}', '[x]', '|', '>', 'x\ny', 'x\r\ny', '\tx', 'x\u0085y', 'x\u2028y', 'x\u2029y', '\u007f', '\u0080', '\ufeffx', '硅基流动', '🙂',
  'http://10.0.0.1:8000/v1', 'os.environ/ZHIPUAI_API_KEY', 'openai/deepseek-ai/DeepSeek-R1', 'mistral-small-3.2-24b-instruct-2506:free', '/v1', '_x', 'a/b@c+d=e$',
];
