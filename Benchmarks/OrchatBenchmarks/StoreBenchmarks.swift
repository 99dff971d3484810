import ChatCore
import ChatDomain
import Foundation

/// The session store at scale: 10,000 sessions of 100 messages (1,000,000 messages), written
/// through the store's import API, then `sessions list` and full-text search timed on it
/// (searches return at most 50 results, as the list and the UI ask for). Targets: ≤ 50 ms
/// each.
///
/// The filler text draws 30 words per message from under a hundred, so every word but the
/// planted rare one is in about a quarter of all messages: a worst case for search.
enum StoreBenchmarks {
  static let sessionCount = 10_000
  static let messagesPerSession = 100
  /// Sessions per import transaction.
  static let batch = 100

  static func run() async throws {
    let directory = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("orchat-store-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try await SessionStore.open(
      at: directory.appendingPathComponent("orchat.sqlite"),
      leasesDirectory: directory.appendingPathComponent("leases"))

    let clock = ContinuousClock()
    let started = clock.now
    var text = TextGenerator(seed: 42)
    for first in stride(from: 0, to: sessionCount, by: batch) {
      let sessions = (first..<min(first + batch, sessionCount)).map {
        session(number: $0, text: &text)
      }
      _ = try await store.importSessions(SessionArchive(sessions: sessions))
    }
    let loadSeconds = Double((clock.now - started).components.seconds)
    let size =
      (try? FileManager.default.attributesOfItem(atPath: store.databaseURL.path)[.size])
      as? NSNumber
    print(
      "generated \(sessionCount) sessions, \(sessionCount * messagesPerSession) messages in "
        + "\(Int(loadSeconds)) s (database \((size?.intValue ?? 0) >> 20) MB)")

    try await measure("sessions list (first 50 of 10,000)") {
      _ = try await store.listSessions(SessionQuery(limit: 50))
    }
    try await measure("sessions list (all 10,000)") {
      _ = try await store.listSessions(SessionQuery())
    }
    try await measure("resolve last") {
      _ = try await store.resolveSession("last")
    }
    let words = [
      ("xylophone", "rare word, 100 hits"), ("harbor", "common word"), ("the", "very common word"),
    ]
    for (word, label) in words {
      try await measure("FTS sessions list --search \(word) (\(label))") {
        _ = try await store.listSessions(SessionQuery(search: word, limit: 50))
      }
      try await measure("FTS message search \(word) (\(label))") {
        _ = try await store.searchMessages(word, limit: 50)
      }
    }
    try await measure("FTS sessions list --search \"quiet harbor\" (two common words)") {
      _ = try await store.listSessions(SessionQuery(search: "quiet harbor", limit: 50))
    }
  }

  /// Runs `body` 21 times after a warm-up and prints the median and the slowest.
  static func measure(_ name: String, _ body: () async throws -> Void) async throws {
    let clock = ContinuousClock()
    try await body()
    var samples: [Double] = []
    for _ in 0..<21 {
      let start = clock.now
      try await body()
      let elapsed = clock.now - start
      let (seconds, attoseconds) = elapsed.components
      samples.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
    samples.sort()
    let label = name.padding(toLength: 66, withPad: " ", startingAt: 0) + " "
    print(
      label
        + String(
          format: "median %7.2f ms   max %7.2f ms", samples[samples.count / 2],
          samples[samples.count - 1]))
  }

  private static func session(number: Int, text: inout TextGenerator) -> ArchivedSession {
    let base = Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * 600)
    let id = String(format: "%08x-0000-4000-8000-%012x", number, number)
    let messages = (0..<messagesPerSession).map { index in
      message(session: number, index: index, at: base + Double(index), text: &text)
    }
    return ArchivedSession(
      id: id, title: text.sentence(words: 5), createdAt: ArchiveTime(base),
      updatedAt: ArchiveTime(base + Double(messagesPerSession)), agent: "assistant",
      archived: false, messages: messages)
  }

  private static func message(session: Int, index: Int, at date: Date, text: inout TextGenerator)
    -> ArchivedMessage
  {
    let serial = session * messagesPerSession + index
    var content = text.sentence(words: 30)
    // One message in 10,000 holds the rare word.
    if serial % 10_000 == 0 { content += " xylophone" }
    let isUser = index % 2 == 0
    return ArchivedMessage(
      id: "m\(serial)", role: isUser ? .user : .assistant, content: content,
      agent: "assistant", model: "openai/gpt-4o", servedModel: isUser ? nil : "openai/gpt-4o",
      usage: isUser
        ? nil
        : ArchivedUsage(
          TokenUsage(promptTokens: 100, completionTokens: 40, cost: Decimal(string: "0.00065"))),
      createdAt: ArchiveTime(date))
  }
}

/// Deterministic filler text from a small vocabulary (a linear congruential generator, so
/// every run writes the same database).
struct TextGenerator {
  private var state: UInt64
  private static let words =
    ("the a of and to in is that it for on with as was at by be this from or have an they "
    + "which one you were all we when there can more if out so what up said about into than them "
    + "harbor quiet river stone market window garden lantern copper meadow signal engine orbit "
    + "parser token stream buffer socket thread kernel vector matrix module layout render cursor "
    + "session message reply model agent prompt answer question summary detail example number")
    .split(separator: " ").map(String.init)

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(Self.words.count))
  }

  mutating func sentence(words count: Int) -> String {
    (0..<count).map { _ in Self.words[next()] }.joined(separator: " ")
  }
}
