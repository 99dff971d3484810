import ChatDomain
import Foundation

/// A compare on screen: the same question to 2 to 4 models, their replies streaming side by
/// side (or in stacked panes), until one is kept.
///
/// Each column is a request of its own (`RequestID`): stopping one, or one failing, leaves
/// the others streaming. A column's text is laid out at its own width as it arrives, the way
/// the transcript lays out a reply (an append costs the delta); each column scrolls on its
/// own and, while it follows its tail, turns a page when the text reaches the bottom.
///
/// **Invariants:** `selected` is a valid column index; every column's `body` is laid out at
/// `textWidth`; `keeping` names a column that has a reply.
public struct CompareState: Sendable {
  public var columns: [CompareColumn]
  /// The column that `x`, Enter and the scroll keys act on (the pane shown when stacked).
  public var selected = 0
  /// The question, as shown above the columns.
  public var prompt: String
  /// Where the question sits in the transcript (its id), once the first reply has started.
  public var questionID: String?
  /// The replies the question had before the compare: they stay its variants.
  public var earlierReplies: [Message] = []
  /// The column whose reply the store has selected: the first model's until another one
  /// finishes first, or is kept.
  public var storedSelection = 0
  /// The first column that finished, in the order they finished.
  public var firstFinished: Int?
  /// A column to keep once the other columns have stopped (Enter while they streamed).
  public var keeping: Int?
  /// The size of each column's text.
  public private(set) var textWidth = 40
  public private(set) var textHeight = 10

  public init(models: [String], requestIDs: [RequestID], prompt: String, now: Date) {
    columns = zip(models, requestIDs).map {
      CompareColumn(requestID: $1, model: $0, startedAt: now)
    }
    self.prompt = prompt
  }

  /// Whether any column is still waiting for or receiving its reply.
  public var isRunning: Bool { columns.contains { $0.phase != .ended } }
  /// Stops every reply still starting or streaming: marks it stopping and asks for its
  /// cancellation.
  mutating func stopActive() -> [Effect] {
    var effects: [Effect] = []
    for index in columns.indices where columns[index].isActive {
      columns[index].phase = .stopping
      effects.append(.cancel(columns[index].requestID))
    }
    return effects
  }

  /// How many replies are still coming.
  public var runningCount: Int { columns.count { $0.phase != .ended } }

  /// What every reply of the compare cost so far, earlier replies to the question included.
  public var cost: Decimal? {
    let costs = (earlierReplies + columns.compactMap(\.reply)).compactMap { $0.usage?.cost }
    return costs.isEmpty ? nil : costs.reduce(0, +)
  }

  public func column(for id: RequestID) -> Int? {
    columns.firstIndex { $0.requestID == id }
  }

  /// Lays every column out at `width` × `height` (no work when unchanged).
  mutating func resize(width: Int, height: Int) {
    let width = max(1, width)
    let height = max(1, height)
    guard width != textWidth || height != textHeight else { return }
    textWidth = width
    textHeight = height
    for index in columns.indices {
      columns[index].body?.resize(to: width)
      columns[index].clampScroll(height: height)
    }
  }
}

/// One model's reply in a compare.
public struct CompareColumn: Sendable, DeltaCounting {
  public enum Phase: Sendable, Hashable {
    /// Sent; the reply row does not exist yet.
    case starting
    case streaming
    /// Stopped by the user; waiting for the reply to be saved.
    case stopping
    /// Over: `reply` is as stored (or `failure` says why there is none).
    case ended
  }

  public var requestID: RequestID
  /// The model asked.
  public var model: String
  public var phase = Phase.starting
  /// Whether the reply is still starting or streaming (what a stop would stop).
  var isActive: Bool { phase == .starting || phase == .streaming }
  /// The reply: as it streams, then as stored.
  public var reply: Message?
  /// How it failed, in one line, when it did.
  public var failure: String?
  /// A retry under way (`retrying in 2 s`), shown until text arrives.
  public var note: String?
  public var startedAt: Date
  public var firstTextAt: Date?
  public var lastDeltaAt: Date?
  /// Text deltas received (each is usually one token).
  public var deltas = 0
  /// The rate the header shows: refreshed on ticks, not on every token.
  public var shownTokensPerSecond: Double?
  /// The token count the header shows while streaming: refreshed on ticks too, since a
  /// figure redrawn in three headers on every frame costs more terminal bytes than the text.
  public var shownDeltas = 0
  var body: MessageLayout?
  /// The first body line shown.
  public private(set) var top = 0
  /// Whether the column follows its tail (else it stays where the user scrolled it).
  public private(set) var isFollowing = true

  init(requestID: RequestID, model: String, startedAt: Date) {
    self.requestID = requestID
    self.model = model
    self.startedAt = startedAt
  }

  /// The laid-out text.
  public var lines: StyledLines { body?.lines ?? StyledLines(stable: [], open: []) }

  /// Appends streamed text; costs the delta. Following the tail, a page turns when the text
  /// reaches the bottom, keeping the last few lines on top.
  mutating func append(_ text: String, pieces: Int, at time: Date, width: Int, height: Int) {
    if body == nil {
      body = MessageLayout(format: .markdown(textRole: .transcriptBody), width: width)
    }
    body?.append(text)
    reply?.content += text
    countDeltas(pieces, at: time)
    note = nil
    guard isFollowing else { return }
    let count = lines.count
    if count - top > height { top = max(0, count - pageTurnContext(height: height)) }
  }

  /// Takes the reply as stored; the streamed layout stays unless the text differs.
  mutating func end(with stored: Message?, failure: String?, width: Int, height: Int) {
    phase = .ended
    self.failure = failure
    note = nil
    if let stored {
      if stored.content != reply?.content || body == nil {
        body = MessageLayout(
          stored.content, format: .markdown(textRole: .transcriptBody), width: width)
      }
      reply = stored
    }
    body?.complete()
    if isFollowing { top = max(0, lines.count - height) }
  }

  /// Scrolls by `step` lines; reaching the end follows the tail again.
  mutating func scroll(by step: Int, height: Int) {
    let last = max(0, lines.count - height)
    top = max(0, min(last, top + step))
    isFollowing = top >= last
  }

  mutating func scrollToTop(height: Int) {
    top = 0
    isFollowing = lines.count <= height
  }

  mutating func follow(height: Int) {
    isFollowing = true
    top = max(0, lines.count - height)
  }

  mutating func clampScroll(height: Int) {
    top = isFollowing ? max(0, lines.count - height) : max(0, min(top, lines.count - 1))
  }
}

/// Where a compare's parts go in the transcript's area: a line with the question, then
/// either one column per model side by side (when each gets at least
/// `minimumColumnWidth` cells) or a row of tabs and the selected column's pane. A pane is
/// a header of `headerRows` (model and state, figures, error or rule) over the body.
public struct CompareLayout: Sendable, Hashable {
  public static let minimumColumnWidth = 40
  /// Cells between two columns: a space, a rule, a space.
  public static let gap = 3
  public static let headerRows = 3

  public let promptRow: Rect
  /// The tabs of the stacked layout.
  public let tabRow: Rect?
  /// Side by side: one pane per column; stacked: the one pane.
  public let panes: [Rect]

  public var isSideBySide: Bool { tabRow == nil }

  public init(area: Rect, count: Int) {
    let count = max(1, count)
    promptRow = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
    let below = Rect(
      x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
    let columnWidth = (area.width - Self.gap * (count - 1)) / count
    if count > 1, columnWidth >= Self.minimumColumnWidth {
      tabRow = nil
      panes = (0..<count).map {
        Rect(
          x: below.x + $0 * (columnWidth + Self.gap), y: below.y, width: columnWidth,
          height: below.height)
      }
    } else {
      tabRow = Rect(x: below.x, y: below.y, width: below.width, height: min(1, below.height))
      panes = [
        Rect(x: below.x, y: below.y + 1, width: below.width, height: max(0, below.height - 1))
      ]
    }
  }

  /// The pane of column `index`.
  public func pane(_ index: Int) -> Rect {
    isSideBySide ? panes[min(index, panes.count - 1)] : panes[0]
  }

  public func header(of pane: Rect) -> Rect {
    Rect(x: pane.x, y: pane.y, width: pane.width, height: min(Self.headerRows, pane.height))
  }

  public func body(of pane: Rect) -> Rect {
    Rect(
      x: pane.x, y: pane.y + Self.headerRows, width: pane.width,
      height: max(0, pane.height - Self.headerRows))
  }

  /// The size every column's text is laid out at.
  public var bodySize: (width: Int, height: Int) {
    let body = body(of: panes[0])
    return (max(1, body.width), max(1, body.height))
  }
}
