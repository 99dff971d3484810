import ChatCore

/// The sample conversation `orchat demo` draws: headers, markdown styles, a code block,
/// a table, CJK and emoji.
enum DemoTranscript {
  static let blocks: [DemoBlock] = [
    .paragraph([DemoSpan("you", .transcriptUser), DemoSpan(" · 14:02", .transcriptHeader)]),
    .paragraph([
      DemoSpan("Show me hello world in Swift, and how to greet the world in Japanese 🙂", .transcriptBody)
    ]),
    .blank,
    .paragraph([
      DemoSpan("assistant", .transcriptAssistant),
      DemoSpan(" · demo/model · 14:02 · 64 tok · 0.4 s to first token", .transcriptHeader),
    ]),
    .paragraph([DemoSpan("Hello, world", .markdownHeading)]),
    .paragraph([
      DemoSpan("Here is ", .transcriptBody), DemoSpan("hello world", .markdownBold),
      DemoSpan(" in Swift; each ", .transcriptBody), DemoSpan("print", .markdownInlineCode),
      DemoSpan(" call writes one ", .transcriptBody), DemoSpan("line", .markdownItalic),
      DemoSpan(":", .transcriptBody),
    ]),
    .code(
      language: "swift", number: 1,
      lines: [
        [DemoSpan("// Greets the world in two languages", .codeComment)],
        [
          DemoSpan("let", .codeKeyword), DemoSpan(" names = [", .code),
          DemoSpan("\"world\"", .codeString), DemoSpan(", ", .code), DemoSpan("\"世界\"", .codeString),
          DemoSpan("]", .code),
        ],
        [
          DemoSpan("for", .codeKeyword), DemoSpan(" name ", .code), DemoSpan("in", .codeKeyword),
          DemoSpan(" names.prefix(", .code), DemoSpan("2", .codeNumber), DemoSpan(") {", .code),
        ],
        [DemoSpan("  print(", .code), DemoSpan("\"Hello, \\(name)! 🚀\"", .codeString), DemoSpan(")", .code)],
        [DemoSpan("}", .code)],
      ]),
    .paragraph([
      DemoSpan("In Japanese, ", .transcriptBody), DemoSpan("こんにちは世界", .markdownBold),
      DemoSpan(
        " (konnichiwa sekai) means hello world. Emoji such as 🎉 👍 😀 take two columns, like CJK,"
          + " and the text still wraps by display width.", .transcriptBody),
    ]),
    .paragraph(
      [DemoSpan("Wide characters never break the layout.", .markdownQuote)],
      prefix: DemoSpan("▎ ", .markdownQuote)),
    .paragraph(
      [DemoSpan("Code blocks never soft-wrap; see ", .transcriptBody), DemoSpan("docs", .markdownLink)],
      prefix: DemoSpan("• ", .markdownListMarker)),
    .paragraph(
      [DemoSpan("Streaming redraws only the rows that change.", .transcriptBody)],
      prefix: DemoSpan("• ", .markdownListMarker)),
    .blank,
    .table(header: ["language", "greeting"], rows: [["日本語", "こんにちは"], ["English", "hello 👋"]]),
  ]
}
