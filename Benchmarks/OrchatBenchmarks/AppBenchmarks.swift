import ChatApp
import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Foundation
import TerminalBackend
import TestSupport

/// The full-screen app's costs (issue 5): terminal bytes and CPU per 1,000 streamed tokens at
/// 120x40, in a new session and in one with 10,000 earlier messages; and the time to the first
/// frame with 10,000 stored sessions.
enum AppBenchmarks {
  static let size = TerminalSize(columns: 120, rows: 40)

  static func run() async throws {
    guard TestLocale.pinUTF8() else {
      throw TerminalError.systemCall("setlocale(C.UTF-8)", errno: 0)
    }
    let theme = ThemeCatalog(searchPath: .standard()).load(named: "dark").theme
    print(
      "1,000 streamed tokens at \(size), one frame per token (the worst case) and paced at 60 fps")
    for earlier in [0, 10_000] {
      for tokensPerFrame in [1, 4] {
        let result = try streamTokens(
          count: 1000, earlierMessages: earlier, tokensPerFrame: tokensPerFrame, theme: theme)
        let label =
          "\(earlier == 0 ? "new session" : "10,000 earlier messages"), \(tokensPerFrame == 1 ? "frame per token" : "4 tokens per frame")"
        print(
          label.padding(toLength: 48, withPad: " ", startingAt: 0)
            + String(
              format:
                "%6d bytes for %5d token bytes (%.2fx; target <= 3x)   CPU %.3f s   rows copied %.0f%%",
              result.terminalBytes, result.tokenBytes,
              Double(result.terminalBytes) / Double(result.tokenBytes),
              result.cpuSeconds, result.rowsCopied))
      }
    }
    try await firstFrame(sessions: 10_000, theme: theme)
  }

  struct StreamResult {
    var terminalBytes: Int
    var tokenBytes: Int
    var cpuSeconds: Double
    /// Share of transcript rows copied from the line cache rather than drawn.
    var rowsCopied: Double
  }

  /// Streams `count` tokens through the reducer, the views, the diff and ncurses on a real
  /// pseudo-terminal, presenting a frame every `tokensPerFrame` tokens.
  static func streamTokens(count: Int, earlierMessages: Int, tokensPerFrame: Int, theme: Theme)
    throws
    -> StreamResult
  {
    var state = AppState(
      size: size, agents: Agent.builtIns, agentName: "assistant", hasAPIKey: true,
      now: Date(timeIntervalSince1970: 1_764_000_000))
    let session = Session(
      id: "s", title: "Benchmark", agent: "assistant", createdAt: state.now, updatedAt: state.now)
    if earlierMessages > 0 {
      let entries = (0..<earlierMessages).map { index in
        TranscriptEntry(
          message: Message(
            id: "m\(index)", sessionID: "s", position: index,
            role: index % 2 == 0 ? .user : .assistant,
            content:
              "Earlier message \(index): some **markdown** with `code` and a few words to wrap.",
            agent: "assistant", model: "openai/gpt-4o", createdAt: state.now))
      }
      _ = AppReducer.reduce(&state, .opened(session, entries))
    }
    state.banner = nil
    for character in "go" { _ = AppReducer.reduce(&state, .key(.character(character))) }
    _ = AppReducer.reduce(&state, .key(KeyEvent(.enter)))
    let user = Message(
      id: "u", sessionID: "s", position: earlierMessages, role: .user, content: "go",
      createdAt: state.now)
    let reply = Message(
      id: "r", sessionID: "s", position: earlierMessages + 1, role: .assistant, content: "",
      agent: "assistant", model: "openai/gpt-4o", status: .streaming, createdAt: state.now)
    _ = AppReducer.reduce(
      &state,
      .conversation(
        state.nextRequestID - 1, .started(session: session, userMessage: user, reply: reply),
        at: state.now))
    let id = state.nextRequestID - 1

    let opened = try BenchmarkTerminal(size: size)
    let (pty, terminal) = (opened.pty, opened.terminal)
    defer { terminal.shutdown() }
    terminal.setTheme(theme)
    var presenter = FramePresenter()
    // As the runtime does: lines still on screen are copied from the previous frames.
    let cache = RenderCache()
    presenter.present(AppView.render(state, cache: cache), on: terminal)
    _ = pty.readOutput()

    // Prose in paragraphs of about 80 tokens, the shape of a typical reply.
    let vocabulary = [
      " the", " borrow", " checker", " infers", " lifetimes", " here,", " so", " code", " compiles",
      " and", " reference", " returned", " by", " first_word", " is", " tied", " to", " it.",
    ]
    let words = (0..<80).map { vocabulary[($0 * 7) % vocabulary.count] } + ["\n\n"]
    var tokenBytes = 0
    var terminalBytes = 0
    let cpuBefore = cpuSeconds()
    for index in 0..<count {
      let token = words[index % words.count]
      tokenBytes += token.utf8.count
      let time = state.now.addingTimeInterval(0.01)
      _ = AppReducer.reduce(&state, .conversation(id, .content(token), at: time))
      if (index + 1) % tokensPerFrame == 0 {
        presenter.present(AppView.render(state, cache: cache), on: terminal)
        terminalBytes += pty.drainOutput()
      }
    }
    let cpu = cpuSeconds() - cpuBefore
    let copied =
      Double(cache.lines.hits) * 100 / Double(max(1, cache.lines.hits + cache.lines.misses))
    return StreamResult(
      terminalBytes: terminalBytes, tokenBytes: tokenBytes, cpuSeconds: cpu, rowsCopied: copied)
  }

  /// Time from start-up to the first frame on a real pseudo-terminal, with 10,000 sessions in
  /// the store; and until the session list has loaded (it loads in the background).
  static func firstFrame(sessions: Int, theme: Theme) async throws {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "orchat-app-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let environment = [
      "HOME": root.path, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
    ]
    let store = try await SessionStore.open(paths: AppPaths(environment: environment))
    for first in stride(from: 0, to: sessions, by: 500) {
      let batch = (first..<min(first + 500, sessions)).map { number -> ArchivedSession in
        let date = ArchiveTime(Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * 60))
        let id = String(format: "%08x-0000-4000-8000-%012x", number, number)
        return ArchivedSession(
          id: id, title: "Session number \(number)", createdAt: date, updatedAt: date,
          agent: "assistant",
          archived: false,
          messages: [
            ArchivedMessage(
              id: "m\(number)", role: .user, content: "Question \(number)", agent: "assistant",
              model: "openai/gpt-4o", createdAt: date)
          ])
      }
      _ = try await store.importSessions(SessionArchive(sessions: batch))
    }

    let clock = ContinuousClock()
    let started = clock.now
    let opened = try BenchmarkTerminal(size: size)
    let (pty, terminal) = (opened.pty, opened.terminal)
    let context = AppContext(environment: ProcessEnvironment(values: environment))
    let (runtime, shutdown) = FullScreenApp.makeRuntime(
      .init(), context: context, terminal: terminal)
    runtime.step(maxWait: .zero)
    let firstFrame = clock.now - started
    while runtime.state.sessions.summaries.isEmpty, clock.now - started < .seconds(10) {
      runtime.step(maxWait: .milliseconds(5))
      _ = pty.drainOutput()
    }
    let listed = clock.now - started
    runtime.finish()
    terminal.shutdown()
    await shutdown()
    print(
      String(
        format:
          "with %d stored sessions: first frame after %.1f ms (target <= 50 ms); session list shown after %.1f ms",
        sessions, milliseconds(firstFrame), milliseconds(listed)))
  }

  static func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
  }

  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  }
}
