import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../shared/export';
import { backlogDocumentWithRequirements } from '../../fixtures/backlogDocument';
import { expectGolden, exportBytes, utf8 } from './exportKit';

describe('the Markdown report', () => {
  it('matches the golden files in both languages', async () => {
    expectGolden('backlog.md', await exportBytes('markdown', backlogDocumentWithRequirements()));
    expectGolden('backlog-en.md', await exportBytes('markdown', backlogDocumentWithRequirements('en'), { lang: 'en' }));
  });

  it('groups the backlog by type, then priority, with coverage and traceability', async () => {
    const text = utf8(await exportBytes('markdown', backlogDocumentWithRequirements('en'), { lang: 'en' }));
    const headings = text.split('\n').filter((line) => /^#{1,3} /.test(line));
    expect(headings.slice(0, 6)).toEqual(['# Requirement backlog: 買掛金業務 改善ワークショップ', '## Coverage', '### Pain points not covered', '## Functional', '### Must', '### Should']);
    expect(text).toContain('- 8 / 9 pain points covered');
    expect(text).toContain('| 支払依頼書の内容を会計システムに再入力している | 4 | Open | REQ-003, REQ-016 |');
    expect(headings.slice(-2)).toEqual(['## Traceability (pain point → requirements)', '## Open questions']);
  });

  it('ends with the open questions as a table, open first, and counts the unanswered ones in the summary', async () => {
    const text = utf8(await exportBytes('markdown', backlogDocumentWithRequirements()));
    expect(text).toContain('- 確認事項: 未回答 2 / 4 件\n');
    const section = text.slice(text.indexOf('## 確認事項'));
    expect(section.split('\n').slice(0, 7)).toEqual([
      '## 確認事項',
      '',
      '| 確認事項 | 業務プロセス | 回答する側 | 担当者 | 期限 | 状態 | 回答 |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| 代理承認の権限は誰が設定するか | 買掛金支払 | IT | 佐藤 健 | 2026-11-27 | 未回答 |  |',
      '| 締め後に届いた請求書は、翌月計上でよいか | 買掛金支払 | 経理 | 田中 花子 | 2026-11-30 | 未回答 |  |',
      '| =新会計システムの API で支払データを出力できるか<br>（FB データ形式） | ワークショップ全体 | IT | 佐藤 健 |  | 回答済み | CSV と REST API の両方で出力できる |',
    ]);
  });

  it('has no questions section when there are none', async () => {
    const text = utf8(await exportBytes('markdown', { ...backlogDocumentWithRequirements(), questions: [] }));
    expect(text).not.toContain('確認事項');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^\| .* \|$/);
  });

  it('escapes | and HTML in user text, so a title cannot break a table or inject markup', async () => {
    const document = backlogDocumentWithRequirements();
    const hostile = {
      ...document,
      painPoints: document.painPoints.map((pain, index) => (index === 0 ? { ...pain, title: '<img src=x onerror=alert(1)> | *急ぎ*\n# 見出し' } : pain)),
      requirements: document.requirements.map((requirement, index) => (index === 0 ? { ...requirement, title: '<script>x</script> [リンク](javascript:alert(1))' } : requirement)),
    };
    const text = utf8(await exportBytes('markdown', hostile));
    expect(text).toContain('| &lt;img src=x onerror=alert(1)&gt; \\| \\*急ぎ\\*<br>\\# 見出し | 4 |');
    expect(text).toContain('#### REQ-001 &lt;script&gt;x&lt;/script&gt; \\[リンク\\](javascript:alert(1))');
    expect(text).not.toMatch(/<(script|img)/);
  });

  it.each([
    ['a | b', 'a \\| b'],
    ['<b>&</b>', '&lt;b&gt;&amp;&lt;/b&gt;'],
    ['*x* _y_ `z` \\', '\\*x\\* \\_y\\_ \\`z\\` \\\\'],
    ['# title', '\\# title'],
    ['- list item', '- list item'],
  ])('escapeMarkdown(%j) = %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});
