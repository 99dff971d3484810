import ChatDomain
import Foundation

/// The sample conversation `orchat demo` shows: a question and a reply with every markdown
/// element, a code block, a table, CJK and emoji, as messages of a session.
enum DemoTranscript {
  static let session = Session(
    id: "demo", title: "Hello world, twice", agent: "assistant", createdAt: time,
    updatedAt: time)

  /// 2026-05-01 14:02 UTC.
  static let time = Date(timeIntervalSince1970: 1_777_644_120)

  static let entries: [TranscriptEntry] = [
    TranscriptEntry(
      message: Message(
        id: "demo-question", sessionID: session.id, position: 0, role: .user,
        content: "Show me hello world in Swift, and how to greet the world in Japanese 🙂",
        agent: "assistant", model: "demo/model", createdAt: time)),
    TranscriptEntry(
      message: Message(
        id: "demo-reply", sessionID: session.id, position: 1, role: .assistant, content: reply,
        agent: "assistant", model: "demo/model", servedModel: "demo/model",
        usage: TokenUsage(promptTokens: 18, completionTokens: 64),
        timeToFirstTokenMilliseconds: 400, createdAt: time)),
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
}
