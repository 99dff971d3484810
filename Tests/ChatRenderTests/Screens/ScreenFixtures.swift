import ChatCore
import ChatDomain
import ChatUI
import Foundation
import TestSupport

/// States for the screen snapshots, built through the reducer as the app builds them.
enum ScreenFixtures {
  static let now = Date(timeIntervalSince1970: 1_764_000_000)
  static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)]

  /// The shipped dark and light themes, from the repository's `themes/`.
  static let themes: [Theme] = {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Screens
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("themes").path
    let catalog = ThemeCatalog(searchPath: ThemeSearchPath(directories: [directory]))
    return ["dark", "light"].map { catalog.load(named: $0).theme }
  }()

  static let catalog = ModelCatalog(
    snapshot: CatalogSnapshot(
      fetchedAt: now, source: "fixture",
      models: [
        ModelSummary(
          id: "openai/gpt-4o", name: "OpenAI: GPT-4o", contextLength: 128_000,
          promptPrice: .perToken(Decimal(string: "0.0000025")!),
          completionPrice: .perToken(Decimal(string: "0.00001")!),
          inputModalities: ["text", "image"], supportsTools: true),
        ModelSummary(
          id: "openai/gpt-4o-mini", name: "OpenAI: GPT-4o mini", contextLength: 128_000,
          promptPrice: .perToken(Decimal(string: "0.00000015")!),
          completionPrice: .perToken(Decimal(string: "0.0000006")!),
          supportsTools: true),
        ModelSummary(
          id: "anthropic/claude-sonnet-4.5", name: "Anthropic: Claude Sonnet 4.5",
          contextLength: 1_000_000,
          promptPrice: .perToken(Decimal(string: "0.000003")!),
          completionPrice: .perToken(Decimal(string: "0.000015")!),
          supportsTools: true, supportsReasoning: true),
        ModelSummary(id: "openrouter/auto", name: "Auto Router", contextLength: 2_000_000),
      ]),
    origin: .bundled)

  static func base(_ size: TerminalSize) -> AppState {
    var state = AppState(
      size: size, agents: Agent.builtIns, agentName: "assistant", hasAPIKey: true, now: now,
      zone: .utc)
    _ = AppReducer.reduce(&state, .catalogLoaded(catalog))
    _ = AppReducer.reduce(&state, .sessionsListed(.success(sessions)))
    state.creditsLeft = Decimal(string: "8.52")
    return state
  }

  static let sessions = [
    summary("s1", "Rust lifetimes question", minutesAgo: 3, messages: 6, cost: "0.0041"),
    summary("s2", "Trip to Kyoto", minutesAgo: 60 * 26, messages: 12, cost: "0.012"),
    summary("s3", "SQL window functions", minutesAgo: 60 * 24 * 9, messages: 18, cost: "0.034"),
  ]

  static func summary(
    _ id: String, _ title: String, minutesAgo: Double, messages: Int, cost: String
  ) -> SessionSummary {
    let date = now.addingTimeInterval(-minutesAgo * 60)
    return SessionSummary(
      session: Session(id: id, title: title, agent: "assistant", createdAt: date, updatedAt: date),
      messageCount: messages, cost: Decimal(string: cost))
  }

  static func message(
    _ id: String, _ role: MessageRole, _ content: String, position: Int,
    agent: String = "assistant",
    model: String = "openai/gpt-5-mini", status: MessageStatus = .complete, minute: Double = 0
  ) -> Message {
    Message(
      id: id, sessionID: "s1", position: position, role: role, content: content, agent: agent,
      model: model, status: status, createdAt: now.addingTimeInterval(minute * 60 - 600))
  }

  /// A session with markdown, code, reasoning, an agent switch, a failed reply and a reply
  /// that is streaming.
  static func conversation(_ size: TerminalSize) -> AppState {
    var state = base(size)
    var reply = message(
      "r1", .assistant,
      "The reference returned by `first_word` is tied to the lifetime of `s`:\n\n```rust\nfn first_word<'a>(s: &'a str) -> &'a str {\n    s.split(' ').next().unwrap_or(\"\")\n}\n```\n\nSo the **borrow** lives as long as `s`.",
      position: 1, minute: 1)
    reply.reasoning = "The user asks about lifetimes. Explain elision."
    reply.usage = TokenUsage(
      promptTokens: 120, completionTokens: 412, reasoningTokens: 31, cost: Decimal(string: "0.0003")
    )
    reply.timeToFirstTokenMilliseconds = 400
    var failed = message(
      "r2", .assistant, "Partial answer", position: 3, agent: "coder",
      model: "anthropic/claude-sonnet-4.5", status: .error, minute: 3)
    failed.error =
      "The model provider failed (HTTP 502: upstream connect error); try again or pick another model"
    let entries = [
      TranscriptEntry(
        message: message("u1", .user, "Why does this borrow outlive the function?", position: 0)),
      TranscriptEntry(message: reply),
      TranscriptEntry(
        message: message(
          "u2", .user, "Rewrite it without the explicit lifetime. 你好 🚀", position: 2,
          agent: "coder", model: "anthropic/claude-sonnet-4.5", minute: 2)),
      TranscriptEntry(message: failed),
    ]
    _ = AppReducer.reduce(&state, .opened(sessions[0].session, entries))
    state.banner = nil
    // A reply streaming now.
    state.composer.set("and explain when elision does not apply")
    _ = AppReducer.reduce(&state, .key(KeyEvent(.enter)))
    let user = message(
      "u3", .user, "and explain when elision does not apply", position: 4, agent: "coder",
      model: "anthropic/claude-sonnet-4.5", minute: 4)
    let streaming = message(
      "r3", .assistant, "", position: 5, agent: "coder", model: "anthropic/claude-sonnet-4.5",
      status: .streaming, minute: 4)
    _ = AppReducer.reduce(
      &state,
      .conversation(
        1, .started(session: sessions[0].session, userMessage: user, reply: streaming), at: now))
    for (index, token) in ["With lifetime ", "elision the compiler ", "infers the same thing."]
      .enumerated()
    {
      _ = AppReducer.reduce(
        &state, .conversation(1, .content(token), at: now.addingTimeInterval(Double(index) * 0.05)))
    }
    state.spinnerFrame = 2
    state.composer.set("thanks!")
    return state
  }

  static func attachment(
    _ name: String, _ kind: AttachmentKind, bytes: Int, width: Int? = nil, height: Int? = nil,
    pages: Int? = nil, milliseconds: Int? = nil
  ) -> Attachment {
    let media = [
      "image": "image/png", "pdf": "application/pdf", "audio": "audio/wav", "text": "text/plain",
    ]
    return Attachment(
      sha256: String(repeating: "a", count: 64), name: name, mediaType: media[kind.rawValue] ?? "",
      kind: kind, byteCount: bytes, width: width, height: height, pageCount: pages,
      durationMilliseconds: milliseconds)
  }

  /// Files on a message and on a reply (an image the model made, its chip selected), and
  /// three waiting above the input with their estimate.
  static func attachments(_ size: TerminalSize) -> AppState {
    var state = base(size)
    var user = message("u1", .user, "Do the diagram and the spec agree?", position: 0)
    user.attachments = [
      attachment("diagram.png", .image, bytes: 240_000, width: 1280, height: 720),
      attachment("spec.pdf", .pdf, bytes: 1_200_000, pages: 12),
    ]
    var reply = message(
      "r1", .assistant, "Mostly. Here is the corrected diagram.", position: 1, minute: 1)
    reply.attachments = [
      attachment("image-1.png", .image, bytes: 1_433_635, width: 1248, height: 832)
    ]
    _ = AppReducer.reduce(
      &state,
      .opened(
        sessions[0].session, [TranscriptEntry(message: user), TranscriptEntry(message: reply)]))
    state.banner = nil
    state.focus = .transcript
    state.transcript.selection = 1
    state.transcript.selectedAttachment = 0
    let files = [
      attachment("voice note.wav", .audio, bytes: 400_000, milliseconds: 12_500),
      attachment("main.swift", .text, bytes: 3_100),
      attachment("photo.jpg", .image, bytes: 2_400_000, width: 4032, height: 3024),
    ]
    state.pendingAttachments = files.map { AttachmentFile(attachment: $0, data: Data()) }
    state.composer.set("and this recording?")
    return state
  }
}

extension ScreenFixtures {
  /// A reply that searched the web: a preset asked for, the provider that served it, the
  /// searches, cached tokens and savings in its header, a citation tied to a passage (its
  /// marker is inserted), a numbered one, an untitled one and one whose title tries an
  /// escape sequence; the fourth source selected; web search on for the session.
  static func replyWithSources(_ size: TerminalSize, hyperlinks: Bool) -> AppState {
    var state = AppState(
      size: size, agents: Agent.builtIns, agentName: "assistant", hasAPIKey: true, now: now,
      zone: .utc, hyperlinks: hyperlinks)
    _ = AppReducer.reduce(&state, .catalogLoaded(catalog))
    _ = AppReducer.reduce(&state, .sessionsListed(.success(sessions)))
    let content =
      "Swift 6.2 is the latest release ([swift.org](https://www.swift.org/blog/)). It adds "
      + "approachable concurrency and inline arrays.[2]"
    let passage = "([swift.org](https://www.swift.org/blog/))"
    let start =
      content.unicodeScalars.count
      - content.components(separatedBy: passage)[1].unicodeScalars.count
      - passage.unicodeScalars.count
    var reply = message(
      "r1", .assistant, content, position: 1, model: "@preset/research", minute: 1)
    reply.servedModel = "openai/gpt-5.2"
    reply.provider = "OpenAI"
    reply.usage = TokenUsage(
      promptTokens: 14312, completionTokens: 326, reasoningTokens: 0, cachedTokens: 4352,
      cost: Decimal(string: "0.0427556"), webSearches: 2, cacheSavings: Decimal(string: "0.0098"))
    reply.timeToFirstTokenMilliseconds = 900
    reply.citations = [
      Citation(
        url: "https://www.swift.org/blog/", title: "Swift.org - Blog", startIndex: start,
        endIndex: start + passage.unicodeScalars.count),
      Citation(
        url: "https://www.swift.org/documentation/", title: "Swift Documentation", startIndex: 0,
        endIndex: 0),
      Citation(url: "https://github.com/swiftlang/swift", title: ""),
      Citation(
        url: "https://en.wikipedia.org/wiki/Swift_(programming_language)",
        title: "Swift \u{1B}[31m(programming language)\u{1B}[0m - Wikipedia"),
    ]
    let entries = [
      TranscriptEntry(
        message: message(
          "u1", .user, "What is new in Swift?", position: 0, model: "@preset/research")),
      TranscriptEntry(message: reply),
    ]
    _ = AppReducer.reduce(&state, .opened(sessions[0].session, entries))
    state.composer.set("/web on")
    _ = AppReducer.reduce(&state, .key(KeyEvent(.enter)))
    state.banner = nil
    state.focus = .transcript
    _ = AppReducer.reduce(&state, .key(KeyEvent(.up)))
    return state
  }
}

extension ScreenFixtures {
  /// A compare of three models on the same question: the first finished (markdown with a
  /// code block, its figures in the header), the second still streaming (its spinner and
  /// rate), the third failed mid-stream with its error line.
  static func compare(_ size: TerminalSize) -> AppState {
    var state = base(size)
    let models = ["openai/gpt-5", "anthropic/claude-sonnet-4.5", "google/gemini-2.5-pro"]
    state.composer.set(
      "/compare \(models.joined(separator: " ")) How do I reverse a list in Swift?")
    _ = AppReducer.reduce(&state, .key(KeyEvent(.enter)))
    let question = Message(
      id: "q", sessionID: "s1", position: 0, role: .user,
      content: "How do I reverse a list in Swift?", agent: "assistant", model: models[0],
      createdAt: now)
    func reply(_ index: Int) -> Message {
      Message(
        id: "c\(index)", sessionID: "s1", position: 1, parentID: "q", isSelected: index == 0,
        role: .assistant, content: "", agent: "assistant", model: models[index],
        status: .streaming, createdAt: now.addingTimeInterval(Double(index) / 1000))
    }
    for index in 0..<3 {
      _ = AppReducer.reduce(
        &state,
        .conversation(
          index + 1,
          .started(session: sessions[0].session, userMessage: question, reply: reply(index)),
          at: now))
    }
    let first =
      "Use `reversed()` for a view, or **`reverse()`** to change the array:\n\n```swift\nvar items = [1, 2, 3]\nitems.reverse()\n```\n\nBoth are O(n)."
    _ = AppReducer.reduce(
      &state, .conversation(1, .content(first), at: now.addingTimeInterval(0.4)))
    var done = reply(0)
    done.content = first
    done.status = .complete
    done.servedModel = "openai/gpt-5-2025-08-07"
    done.usage = TokenUsage(
      promptTokens: 14, completionTokens: 48, cost: Decimal(string: "0.00052"))
    done.timeToFirstTokenMilliseconds = 400
    done.durationMilliseconds = 1600
    _ = AppReducer.reduce(
      &state, .requestEnded(1, .finished(done), at: now.addingTimeInterval(1.6)))
    for (offset, token) in [
      "Swift arrays ", "have two ways:\n\n", "- `reversed()` ", "returns a ", "view\n",
    ].enumerated() {
      _ = AppReducer.reduce(
        &state,
        .conversation(2, .content(token), at: now.addingTimeInterval(0.7 + Double(offset) * 0.1)))
    }
    _ = AppReducer.reduce(&state, .tick(now.addingTimeInterval(1.2)))
    _ = AppReducer.reduce(
      &state, .conversation(3, .content("You can call"), at: now.addingTimeInterval(0.9)))
    var failed = reply(2)
    failed.content = "You can call"
    failed.status = .error
    failed.error = "The provider disconnected mid-reply; try again"
    _ = AppReducer.reduce(
      &state,
      .requestEnded(
        3, .failed(ChatError(.provider(.upstream), "upstream"), reply: failed),
        at: now.addingTimeInterval(1)))
    state.spinnerFrame = 3
    state.banner = nil
    return state
  }
}
