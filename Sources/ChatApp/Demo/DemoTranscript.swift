import ChatDomain
import ChatCore
import ChatUI

/// The sample conversation `orchat demo` draws: message headers, every markdown element,
/// a code block, a table, CJK and emoji, laid out by the same `MessageLayout` the chat uses.
enum DemoTranscript {
  struct Message {
    var header: [StyledSpan]
    var text: String
    var format: MessageLayout.Format
  }

  static let messages: [Message] = [
    Message(
      header: [
        StyledSpan("you", role: .transcriptUser), StyledSpan(" · 14:02", role: .transcriptHeader),
      ],
      text: "Show me hello world in Swift, and how to greet the world in Japanese 🙂",
      format: .plain(.transcriptBody)),
    Message(
      header: [
        StyledSpan("assistant", role: .transcriptAssistant),
        StyledSpan(
          " · demo/model · 14:02 · 64 tok · 0.4 s to first token", role: .transcriptHeader),
      ],
      text: reply, format: .markdown(textRole: .transcriptBody)),
  ]

  static let reply = """
    # Hello, world

    Here is **hello world** in Swift; each `print` call writes one *line*:

    ```swift
    // Greets the world in two languages
    let names = ["world", "世界"]
    for name in names.prefix(2) {
      print("Hello, \\(name)! 🚀")
    }
    ```

    In Japanese, **こんにちは世界** (konnichiwa sekai) means hello world. Emoji such as 🎉 👍 😀 \
    take two columns, like CJK, and the text still wraps by display width.

    > Wide characters never break the layout.

    - Code blocks never soft-wrap; see [the docs](https://example.com/docs)
    - Streaming redraws only the rows that change.

    | language | greeting |
    | --- | --- |
    | 日本語 | こんにちは |
    | English | hello 👋 |
    """

  /// Every message laid out at `width`: header, body, blank line.
  static func lines(width: Int) -> [StyledLine] {
    var lines: [StyledLine] = []
    for message in messages {
      lines.append(StyledLine(spans: message.header))
      lines += MessageLayout(message.text, format: message.format, width: width).lines
      lines.append(.blank)
    }
    return lines
  }
}
