import ChatDomain
import Formatting
import Foundation

/// Everything the screen shows, as one value. Only the reducer changes it.
public struct AppState: Sendable {
  public var size: TerminalSize
  public var focus = Focus.composer
  public var overlay: Overlay?
  public var keyMap: KeyMap
  /// The help overlay's scroll position over its lines (scroll-only: no selection).
  public var helpWindow = ListWindow()
  /// Keys typed so far of a two-key chord (Ctrl-X of Ctrl-X Ctrl-E).
  public var pendingKeys: [KeyEvent] = []

  public var agents: [Agent] = [] {
    didSet { agentWindow.resize(count: agents.count) }
  }
  /// The agent list's selection and scroll position, shared by the side column's list and the
  /// narrow layout's overlay; its count follows `agents`.
  public var agentWindow = ListWindow()
  public var catalog: ModelCatalog?
  public var modelPicker = ModelPickerState()
  public var sessions = SessionListState()

  /// The open session; `nil` until the first message of a new session is saved.
  public var session: Session?
  /// The agent the next message is sent with.
  public var agentName: String
  /// Changes made in this session to the agent's model, temperature or system prompt.
  public var overrides = ConversationOverrides()
  public var transcript = TranscriptState()
  public var composer = ComposerState()
  public var completion = CompletionState.idle
  /// Prompts sent while a reply streamed, sent in order when it ends.
  public var queuedPrompts: [String] = []
  /// The compare on screen, in place of the transcript, until a reply is kept.
  public var compare: CompareState?
  /// Your message being edited (`e`, `/edit`): sending the input puts the new text in its
  /// place, a new branch.
  public var pendingEdit: PendingEdit?
  /// Files to send with the next message, shown as chips above the input.
  public var pendingAttachments: [AttachmentFile] = []
  /// The attachments of the message being sent, given back to the input if it is not saved.
  public var sendingAttachments: [AttachmentFile] = []
  /// Files `/attach` asked for that are still being read.
  public var readingAttachments = 0
  /// The most a file, and a message, may carry (`config.toml`).
  public var attachmentLimits = AttachmentLimits()
  /// `pdf_engine` of `config.toml`, for the agent that sets none (the cost estimate).
  public var pdfEngine: String?
  public var nextRequestID: RequestID = 1

  public var banner: Banner?
  /// Credits left on the key, when the key endpoint said.
  public var creditsLeft: Decimal?
  public var hasAPIKey: Bool
  public var isQuitArmed = false
  public var isQuitting = false
  /// The time of the last tick or event, for countdowns and the spinner.
  public var now: Date
  public var spinnerFrame = 0
  /// For message times in headers.
  public var zone: LocalZone
  public var themeName: String
  /// Theme names offered by `/theme` completion.
  public var availableThemes: [String] = []
  public var isMouseEnabled: Bool
  /// Whether the terminal shows OSC 8 hyperlinks: sources are then links, else their URLs
  /// are shown as text.
  public var hyperlinks: Bool {
    get { !transcript.showsSourceURLs }
    set { transcript.showsSourceURLs = !newValue }
  }

  /// - Parameters:
  ///   - agents: The agents to offer; when `agentName` is not one of them, the first is used.
  public init(
    size: TerminalSize, agents: [Agent] = [], agentName: String, hasAPIKey: Bool, now: Date,
    keyMap: KeyMap = .standard, zone: LocalZone = .system, themeName: String = "dark",
    isMouseEnabled: Bool = true, hyperlinks: Bool = false
  ) {
    self.size = size
    self.agents = agents
    let chosen =
      agents.contains { $0.name == agentName } ? agentName : (agents.first?.name ?? agentName)
    self.agentName = chosen
    self.hasAPIKey = hasAPIKey
    self.now = now
    self.keyMap = keyMap
    self.zone = zone
    self.themeName = themeName
    self.isMouseEnabled = isMouseEnabled
    transcript.showsSourceURLs = !hyperlinks
    let layout = ScreenLayout(size: size, composerLines: 1, hasBanner: false)
    transcript.resize(width: layout.transcriptTextWidth, height: layout.transcriptText.height)
    agentWindow.resize(count: agents.count)
    agentCursor = agents.firstIndex { $0.name == chosen } ?? 0
    AppReducer.syncLists(&self, layout)
  }

  /// How far the help is scrolled: the index of its first line shown (at most the window's
  /// `maxOffset`).
  public var helpScroll: Int { helpWindow.offset }

  /// The selected agent's index: `agentWindow`'s cursor; setting it selects that agent
  /// (clamped), scrolling as little as shows it.
  public var agentCursor: Int {
    get { agentWindow.cursor }
    set { agentWindow.move(to: newValue) }
  }

  /// The agent the next message uses, when loaded.
  public var agent: Agent? { agents.first { $0.name == agentName } }

  /// The model the next message asks for: the session's choice, else the agent's.
  public var model: String? { overrides.model ?? agent?.model }

  /// Whether the next message may search the web: the session's switch, else the agent's.
  public var isWebSearchOn: Bool {
    agent.map { overrides.webSearch(for: $0) != nil } ?? (overrides.webSearch == true)
  }

  /// The current model's catalog entry.
  public var modelSummary: ModelSummary? { model.flatMap { catalog?.model(id: $0) } }

  /// Whether a reply or a compare is under way (the input then queues what is sent, and
  /// what would change the transcript waits).
  public var isBusy: Bool { completion.isBusy || compare?.isRunning == true }

  /// Whether the runtime should send ticks: something animates (a spinner, a countdown).
  /// An info banner that goes away by itself does not need them: the runtime wakes once, at
  /// `banner.expiresAt`, so an idle app makes no wake-ups.
  public var needsTicks: Bool {
    if compare?.isRunning == true { return true }
    if case .streaming = completion { return true }
    if case .starting = completion { return true }
    return banner?.countdownTo != nil
  }

  /// Tokens of the conversation so far: the last reply's prompt plus completion, and the
  /// estimate of the attachments waiting to be sent.
  public var contextUsed: Int? {
    let pending = pendingAttachments.reduce(0) { $0 + AttachmentEstimate.tokens($1.attachment) }
    guard let usage = transcript.lastUsage else { return pending > 0 ? pending : nil }
    return usage.promptTokens + usage.completionTokens + pending
  }

  /// What the pending attachments will likely cost with the current model.
  public var pendingAttachmentCost: Decimal? {
    guard !pendingAttachments.isEmpty else { return nil }
    return AttachmentEstimate.cost(
      pendingAttachments.map(\.attachment), model: modelSummary,
      pdfEngine: agent?.pdfEngine ?? pdfEngine)
  }

  /// What the session's replies cost so far: every reply, on every branch, a compare's
  /// included.
  public var sessionCost: Decimal? {
    let parts = [transcript.totalCost, transcript.hiddenCost, compare?.cost].compactMap { $0 }
    return parts.isEmpty ? nil : parts.reduce(0, +)
  }

  /// The screen's rectangles for the current state.
  public var layout: ScreenLayout {
    let base = ScreenLayout(size: size, composerLines: 1, hasBanner: banner != nil)
    let rows = composer.rows(width: base.composerText.width).rows.count
    let chips =
      pendingAttachments.isEmpty
      ? 0
      : min(
        ScreenLayout.attachmentMaximumLines,
        AttachmentChip.lines(pendingAttachments.map(\.attachment), width: base.composerText.width)
          .count)
    return ScreenLayout(
      size: size, composerLines: rows, hasBanner: banner != nil, attachmentLines: chips)
  }

  /// Bytes the pending attachments carry.
  public var pendingAttachmentBytes: Int { pendingAttachments.reduce(0) { $0 + $1.data.count } }
}
