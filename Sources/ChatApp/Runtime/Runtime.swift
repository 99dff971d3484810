import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Dispatch
import Foundation
import TerminalBackend

/// The run loop: terminal events and posted actions in, the reducer, effects out, and at most
/// one frame per `frameInterval` however fast tokens arrive (what is typed is drawn at once).
///
/// - Important: Not thread-safe: create it and call `run`/`step` on the thread that owns the
///   terminal. Other threads reach it only through the mailbox.
public final class Runtime<Screen: Terminal> {
  public static var frameInterval: Duration { .milliseconds(16) }
  /// While several replies of a compare stream at once: every frame moves the cursor into
  /// each column and sets its colours, so fewer frames, each carrying more text, keep three
  /// streams within three times one stream's terminal bytes. Keys are still drawn at once.
  public static var compareFrameInterval: Duration { .milliseconds(33) }
  /// Spinner, countdowns and the tokens-per-second figure change at most this often: each
  /// change costs terminal bytes while text streams.
  static var tickInterval: Duration { .milliseconds(250) }

  public private(set) var state: AppState
  let terminal: Screen
  let runner: EffectRunner
  let mailbox: Mailbox
  let themes: ThemeCatalog
  private var presenter = FramePresenter()
  /// What recent frames drew: while a reply streams, only its changing
  /// lines are drawn again.
  private let renderCache = RenderCache()
  private var isDirty = true
  private var lastFrame: ContinuousClock.Instant?
  private var lastTick = ContinuousClock.now
  /// The exit status, once the app should end.
  public private(set) var exitStatus: Int32?
  /// Frames presented so far (for tests and the benchmark).
  public private(set) var framesPresented = 0

  init(
    state: AppState, terminal: Screen, runner: EffectRunner, mailbox: Mailbox, themes: ThemeCatalog
  ) {
    self.state = state
    self.terminal = terminal
    self.runner = runner
    self.mailbox = mailbox
    self.themes = themes
  }

  /// Runs until the app quits; returns the exit status.
  public func run() -> Int32 {
    while exitStatus == nil { step() }
    finish()
    return exitStatus ?? 0
  }

  /// One turn: waits for input, a posted action, the next tick or the next frame (at most
  /// `maxWait`), applies everything that arrived, and presents a frame when one is due.
  public func step(maxWait: Duration? = nil) {
    var timeout = nextTimeout()
    if let maxWait { timeout = min(timeout ?? maxWait, maxWait) }
    let drainsSoon = timeout.map { $0 <= frameInterval } ?? false
    if mailbox.prepareToWait(drainsSoon: drainsSoon), !drainsSoon { timeout = .zero }
    let events = terminal.readEvents(timeout: timeout)
    var actions: [Action] = []
    var typed = false
    for event in events {
      switch event {
      case .key(let key):
        actions.append(.key(key))
        typed = true
      case .paste(let text):
        actions.append(.paste(text))
        typed = true
      case .mouse(let mouse): actions.append(.mouse(mouse))
      case .resize(let size):
        presenter.invalidate()
        actions.append(.resized(size))
      case .wake: break
      case .suspendRequested: suspendProcess()
      case .terminationRequested(let signal):
        runner.cancelAll()
        exitStatus = 128 + signal
        return
      case .inputClosed:
        exitStatus = 0
        return
      }
    }
    actions += Self.mergingContent(mailbox.drain())
    let now = ContinuousClock.now
    if state.needsTicks, now - lastTick >= Self.tickInterval {
      lastTick = now
      actions.append(.tick(Date()))
    } else if let expiry = state.banner?.expiresAt, expiry <= Date() {
      actions.append(.tick(Date()))
    }
    for action in actions { dispatch(action) }
    // What a person types shows at once, whatever the pacing of streamed text.
    if typed { flush() } else { presentIfDue() }
  }

  /// Joins runs of content events of one request into one `.contentBurst`: what arrived
  /// between two turns of the loop is laid out once. Order and everything else are kept.
  static func mergingContent(_ actions: [Action]) -> [Action] {
    guard actions.count > 1 else { return actions }
    var merged: [Action] = []
    merged.reserveCapacity(actions.count)
    // The run being joined; its text grows in place, one copy per burst, not per piece.
    var run: (id: RequestID, text: String, pieces: Int, time: Date)?
    func flush() {
      guard let done = run else { return }
      merged.append(
        done.pieces == 1
          ? .conversation(done.id, .content(done.text), at: done.time)
          : .contentBurst(done.id, text: done.text, pieces: done.pieces, at: done.time))
      run = nil
    }
    for action in actions {
      guard case .conversation(let id, .content(let text), let time) = action else {
        flush()
        merged.append(action)
        continue
      }
      if run?.id == id {
        run?.text += text
        run?.pieces += 1
        run?.time = time
      } else {
        flush()
        run = (id, text, 1, time)
      }
    }
    flush()
    return merged
  }

  /// Applies one action and performs its effects.
  func dispatch(_ action: Action) {
    let effects = AppReducer.reduce(&state, action)
    isDirty = true
    for effect in effects { perform(effect) }
  }

  private func presentIfDue() {
    guard isDirty else { return }
    if let lastFrame, ContinuousClock.now - lastFrame < frameInterval { return }
    present()
  }

  /// Presents the state now if it changed since the last frame, whatever the pacing (tests
  /// look at the screen right after a step).
  func flush() {
    if isDirty { present() }
  }

  private func present() {
    presenter.present(AppView.render(state, cache: renderCache), on: terminal)
    lastFrame = ContinuousClock.now
    isDirty = false
    framesPresented += 1
  }

  /// How long the loop may sleep: until the next frame when one is pending; while a reply
  /// streams, until the next frame slot after a recent frame (arriving text is drained then,
  /// without a wake-up per token); else until the next tick when something animates, or a
  /// banner's expiry; else until input or a posted action.
  func nextTimeout() -> Duration? {
    let now = ContinuousClock.now
    if isDirty {
      guard let lastFrame else { return .zero }
      return max(.zero, frameInterval - (now - lastFrame))
    }
    if isStreaming, let lastFrame {
      let elapsed = now - lastFrame
      if elapsed < frameInterval { return frameInterval - elapsed }
      if elapsed < frameInterval * 2 { return frameInterval * 2 - elapsed }
    }
    if state.needsTicks { return max(.zero, Self.tickInterval - (now - lastTick)) }
    if let expiry = state.banner?.expiresAt {
      return .milliseconds(max(0, Int((expiry.timeIntervalSinceNow * 1000).rounded(.up))))
    }
    return nil
  }

  /// The pace of frames now: slower while several replies stream side by side.
  var frameInterval: Duration {
    (state.compare?.runningCount ?? 0) > 1 ? Self.compareFrameInterval : Self.frameInterval
  }

  /// Whether text is streaming in: the loop then drains posted text at frame slots.
  private var isStreaming: Bool {
    if case .streaming = state.completion { return true }
    return state.compare?.isRunning == true
  }

  /// Ends: stops running requests and waits briefly for their replies to be saved.
  public func finish() {
    runner.cancelAll()
    // Blocks this thread only when there is something to wait for.
    guard runner.activeRequestCount > 0 else { return }
    let runner = runner
    FullScreenApp.waitFor { await runner.waitForRequests(timeout: .seconds(3)) }
  }

  /// Job control's stop (Ctrl-Z, SIGTSTP): the terminal goes back to the shell until `fg`,
  /// then everything is repainted.
  private func suspendProcess() {
    terminal.suspendProcess()
    presenter.invalidate()
    isDirty = true
  }

  // MARK: - Effects

  /// The one interpreter of effects: those that need the terminal run here, on the loop's
  /// thread; the others go to the runner's tasks. Every one answers with a typed action.
  private func perform(_ effect: Effect) {
    switch effect {
    case .quit:
      exitStatus = 0
    case .suspend:
      suspendProcess()
    case .copy(let text, let description):
      Clipboard.copy(text, terminal: terminal)
      dispatch(.copied(what: description, characters: text.count))
    case .openEditor(let text):
      terminal.suspend()
      let edited = ExternalEditor.edit(text, environment: ProcessInfo.processInfo.environment)
      terminal.resume()
      presenter.invalidate()
      dispatch(.editorFinished(edited))
    case .changeTheme(let name):
      let selection = themes.load(named: name)
      if let problem = selection.problems.first {
        dispatch(.themeChanged(.failure(problem)))
        return
      }
      terminal.setTheme(selection.theme)
      presenter.invalidate()
      dispatch(.themeChanged(.success(selection.theme.name)))
    case .send, .regenerate, .compare, .cancel, .loadCatalog, .refreshCatalog, .loadCredits,
      .openSession, .listSessions, .searchSessions, .renameSession, .deleteSession,
      .exportSession, .selectVariant, .switchBranch, .readAttachments, .checkPastedPaths,
      .completePath, .openAttachment:
      runner.run(effect)
    }
  }
}
