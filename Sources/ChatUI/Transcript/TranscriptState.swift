import ChatDomain
import Foundation

/// The messages of the open session, laid out, and where the view is scrolled.
///
/// Work is bounded by what is visible: items are laid out lazily when they come into view
/// (`prepare`), scrolling walks item by item from the anchor, and appending a streamed token
/// touches only the last item. Nothing here walks the whole transcript per token, so a
/// session with 10,000 messages streams as cheaply as a new one.
///
/// **Invariants:** every item that `visibleRows` returns is laid out at `width` (the reducer
/// calls `prepare` after every change); `anchor` names an existing item and a line inside it;
/// `newLinesBelow` is 0 while following the tail.
public struct TranscriptState: Sendable {
  public internal(set) var items: [TranscriptItem] = []
  public private(set) var width = 80
  public private(set) var height = 20
  public internal(set) var anchor = ScrollAnchor.tail
  /// Lines that arrived below the view while it was pinned ("↓ N new lines").
  public internal(set) var newLinesBelow = 0
  /// Blank rows kept below the last line while following the tail. When arriving text fills
  /// the view it turns a page at once, so a streaming reply grows in place instead of
  /// shifting every line of the screen for every new line (which would cost a repaint of
  /// the whole transcript on terminals that cannot scroll a region beside the side column).
  public internal(set) var tailSlack = 0
  /// The message picked in the transcript (for copy, variants, reasoning), if any.
  public var selection: Int? {
    didSet {
      if selection != oldValue {
        selectedAttachment = nil
        sourceSelection = nil
      }
    }
  }
  /// The attachment chip picked within the selected message (Enter opens it), if any; never
  /// set together with `sourceSelection`.
  public var selectedAttachment: Int?
  /// A source of the selected message picked instead of the message itself (for copying its
  /// URL): an index into that item's `sources`.
  public var sourceSelection: Int?
  /// Whether sources show their URL on a line of their own: when the terminal cannot make
  /// the source line a link (OSC 8).
  public var showsSourceURLs = false {
    didSet {
      guard showsSourceURLs != oldValue else { return }
      for index in items.indices { items[index].showsSourceURLs = showsSourceURLs }
      clampAnchor()
      prepare()
    }
  }
  /// What every reply on screen cost, variants included; kept up to date item by item so the
  /// status line never sums the transcript.
  public private(set) var totalCost: Decimal?
  /// What the replies off screen cost: the messages of the branches not shown (neither on
  /// the path nor variants of a message on it). Kept as branches are switched, so the
  /// session's cost is `totalCost` plus this.
  public private(set) var hiddenCost: Decimal?
  /// The last item that reported usage (its prompt plus completion is the context used).
  private var usageIndex: Int?

  public init() {}

  /// Usage of the newest message that reported it.
  public var lastUsage: TokenUsage? { usageIndex.flatMap { items[$0].message.usage } }

  public var isFollowingTail: Bool { anchor == .tail }

  // MARK: - Content

  /// Replaces everything with the transcript of a session.
  /// - Parameter sessionTotal: What the whole session cost, every branch included; what the
  ///   shown messages do not account for is `hiddenCost`.
  public mutating func load(_ entries: [TranscriptEntry], sessionTotal: Decimal? = nil) {
    items = []
    items.reserveCapacity(entries.count)
    totalCost = nil
    hiddenCost = nil
    usageIndex = nil
    for entry in entries {
      items.append(makeItem(entry.message, otherVariants: entry.otherVariants))
      account(items.count - 1, sign: 1)
    }
    // What the session cost beyond the messages shown (other branches).
    hiddenCost = sessionTotal.map { $0 - (totalCost ?? 0) }.flatMap { $0 == 0 ? nil : $0 }
    anchor = .tail
    newLinesBelow = 0
    tailSlack = 0
    selection = nil
    prepare()
  }

  /// A new item for `message`, with the day divider it needs here unless given, showing
  /// source URLs as the transcript does.
  private func makeItem(
    _ message: Message, otherVariants: [Message], divider: String?? = nil
  ) -> TranscriptItem {
    var item = TranscriptItem(
      message: message, otherVariants: otherVariants,
      divider: divider ?? self.divider(before: message))
    item.showsSourceURLs = showsSourceURLs
    return item
  }

  /// Appends a message (a sent prompt, a new reply).
  public mutating func append(_ message: Message, otherVariants: [Message] = []) {
    let before = anchor == .tail ? 0 : 1
    items.append(makeItem(message, otherVariants: otherVariants))
    account(items.count - 1, sign: 1)
    items[items.count - 1].layOut(width: width)
    if before == 1 {
      newLinesBelow += items[items.count - 1].lineCount
    } else {
      consumeSlack(items[items.count - 1].lineCount)
    }
    prepare()
  }

  /// Changes the message of item `index` (its metadata: model, usage), keeping the totals.
  public mutating func modifyMessage(at index: Int, _ change: (inout Message) -> Void) {
    guard items.indices.contains(index) else { return }
    update(index) { change(&$0.message) }
  }

  /// Adds (`sign` 1) or removes (-1) item `index`'s costs from the total, and notes it as the
  /// newest with usage.
  private mutating func account(_ index: Int, sign: Int) {
    let item = items[index]
    for message in [item.message] + item.otherVariants {
      guard let cost = message.usage?.cost else { continue }
      totalCost = (totalCost ?? 0) + (sign > 0 ? cost : -cost)
    }
    if sign > 0, item.message.usage != nil, index >= (usageIndex ?? -1) { usageIndex = index }
  }

  /// Removes the last item (replies that a compare's replies replace on screen; the caller
  /// keeps them).
  public mutating func removeLast() {
    guard !items.isEmpty else { return }
    removeItems(from: items.count - 1, hiding: false)
    prepare()
  }

  /// Puts `message` at item `index`, a new branch there: the item's message and its
  /// variants become the new message's variants, and the items after it (the old branch's
  /// continuation) leave the screen, their cost counted as hidden. Past the end, appends.
  public mutating func branch(at index: Int, with message: Message) {
    guard items.indices.contains(index) else {
      append(message)
      return
    }
    let old = items[index]
    let siblings = ([old.message] + old.otherVariants).filter { $0.id != message.id }
      .sorted { $0.createdAt < $1.createdAt }
    removeItems(from: index + 1, hiding: true)
    removeItems(from: index, hiding: false)
    append(message, otherVariants: siblings)
  }

  /// Replaces the items from `index` on with `entries` (another branch, as the store gives
  /// it); the replaced items' cost becomes hidden and the new ones' stops being.
  public mutating func replaceItems(from index: Int, with entries: some Collection<TranscriptEntry>)
  {
    guard index <= items.count else { return }
    removeItems(from: index, hiding: true)
    for entry in entries {
      hide([entry.message] + entry.otherVariants, sign: -1)
      items.append(makeItem(entry.message, otherVariants: entry.otherVariants))
      account(items.count - 1, sign: 1)
    }
    clampAnchor()
    prepare()
  }

  /// Removes the items from `index` on, their cost taken off the total (and counted as
  /// hidden when `hiding`).
  private mutating func removeItems(from index: Int, hiding: Bool) {
    guard index < items.count else { return }
    for removed in stride(from: items.count - 1, through: index, by: -1) {
      if hiding { hide([items[removed].message] + items[removed].otherVariants, sign: 1) }
      account(removed, sign: -1)
    }
    items.removeSubrange(index...)
    if let usage = usageIndex, usage >= items.count {
      usageIndex = items.lastIndex { $0.message.usage != nil }
    }
    if case .pinned(let item, _) = anchor, item >= items.count { anchor = .tail }
    selection = selection.flatMap { $0 < items.count ? $0 : nil }
    if anchor == .tail { newLinesBelow = 0 }
  }

  /// Adds (`sign` 1) or takes off (-1) the cost of `messages` to the hidden cost.
  private mutating func hide(_ messages: [Message], sign: Int) {
    for cost in messages.compactMap({ $0.usage?.cost }) {
      hiddenCost = (hiddenCost ?? 0) + (sign > 0 ? cost : -cost)
    }
  }

  /// Replaces the message with the same id (a reply's final state, a variant switch),
  /// keeping its expanded state.
  public mutating func replace(_ message: Message, otherVariants: [Message]? = nil) {
    guard
      let index = items.lastIndex(where: {
        $0.message.id == message.id || $0.otherVariants.contains { $0.id == message.id }
      })
    else { return }
    let old = items[index]
    var item = makeItem(
      message, otherVariants: otherVariants ?? old.otherVariants, divider: old.divider)
    item.isReasoningExpanded = old.isReasoningExpanded
    // The streamed layout is kept unless the final text gains citation markers.
    if old.message.id == message.id, old.message.content == message.content,
      old.message.reasoning == message.reasoning, item.displayedContent == message.content
    {
      item.body = old.body
      item.reasoning = old.reasoning
      if message.status != .streaming { item.body?.complete() }
    }
    update(index) { $0 = item }
  }

  /// Appends streamed text to the reply `messageID` (the last item, in practice).
  public mutating func appendContent(_ delta: String, to messageID: String) {
    guard let index = index(of: messageID) else { return }
    update(index) { $0.appendContent(delta) }
  }

  /// Sets the sources of message `messageID` (they arrive while a reply streams).
  public mutating func setCitations(_ citations: [Citation], of messageID: String) {
    guard let index = index(of: messageID) else { return }
    update(index) {
      $0.message.citations = citations
      $0.refreshSources()
    }
  }

  public mutating func appendReasoning(_ delta: String, to messageID: String) {
    guard let index = index(of: messageID) else { return }
    update(index) { $0.appendReasoning(delta) }
  }

  /// Changes item `index` through `change`, counting new lines when pinned.
  mutating func update(_ index: Int, _ change: (inout TranscriptItem) -> Void) {
    items[index].layOut(width: width)
    let before = items[index].lineCount
    account(index, sign: -1)
    change(&items[index])
    account(index, sign: 1)
    if items[index].message.usage == nil, usageIndex == index {
      usageIndex = items.lastIndex { $0.message.usage != nil }
    }
    items[index].layOut(width: width)
    let added = items[index].lineCount - before
    if case .pinned(let item, let line) = anchor {
      newLinesBelow += max(0, added)
      if item == index { anchor = .pinned(item: item, line: min(line, items[index].lineCount - 1)) }
    } else if index == items.count - 1 {
      consumeSlack(added)
    }
    prepare()
  }

  public mutating func toggleReasoning(at index: Int) {
    guard items.indices.contains(index), items[index].hasReasoning else { return }
    items[index].isReasoningExpanded.toggle()
    clampAnchor()
    prepare()
  }

  /// The index of the item showing message `id` (searched from the end: replies stream at
  /// the end).
  public func index(of messageID: String) -> Int? {
    items.lastIndex { $0.message.id == messageID }
  }

  /// The divider above `message`: shown when its agent or requested model differs from the
  /// previous message's.
  private func divider(before message: Message) -> String? {
    guard let previous = items.last?.message else { return nil }
    let agent = message.agent ?? previous.agent
    let model = message.model ?? previous.model
    guard agent != previous.agent || model != previous.model else { return nil }
    return "switched to " + [agent, model].compactMap { $0 }.joined(separator: " · ")
  }

  // MARK: - Geometry

  /// Sets the view's size; a new width re-lays out what is visible (lazily, the rest later).
  public mutating func resize(width newWidth: Int, height newHeight: Int) {
    width = max(1, newWidth)
    height = max(1, newHeight)
    tailSlack = 0
    clampAnchor()
    prepare()
  }

  /// Uses up blank rows below the tail for `added` new lines; when they run out, the view
  /// turns a page: the last `pageContext` lines move to the top and the rest of the view is
  /// free again. A page turn repaints little (a few lines, then blank rows) and happens once
  /// per screenful, where scrolling by less repaints the text it keeps on screen.
  private mutating func consumeSlack(_ added: Int) {
    guard added > 0 else {
      tailSlack = max(0, tailSlack - added)
      return
    }
    tailSlack -= added
    if tailSlack < 0 { tailSlack = contentFillsView ? max(0, height - 1 - pageContext) : 0 }
  }

  /// Lines of the previous page kept at the top after a page turn, for reading on.
  private var pageContext: Int { pageTurnContext(height: height) }

  /// Whether the tail's content is taller than the view (walks at most `height` lines).
  private var contentFillsView: Bool {
    var rows = 0
    var index = items.count - 1
    while index >= 0 {
      rows += items[index].lineCount
      if rows > height { return true }
      index -= 1
    }
    return false
  }

  /// Lays out the items the view shows.
  public mutating func prepare() {
    guard !items.isEmpty else { return }
    switch anchor {
    case .tail:
      var rows = 0
      var index = items.count - 1
      while index >= 0, rows < height {
        items[index].layOut(width: width)
        rows += items[index].lineCount
        index -= 1
      }
    case .pinned(let item, let line):
      var rows = -line
      var index = item
      while index < items.count, rows < height {
        items[index].layOut(width: width)
        rows += items[index].lineCount
        index += 1
      }
    }
  }

  /// The rows to draw, top to bottom: at most `height`, each an item index and its line.
  /// Costs the rows drawn, however long the messages are.
  public func visibleRows() -> [(item: Int, line: TranscriptLine)] {
    guard !items.isEmpty else { return [] }
    var rows: [(item: Int, line: TranscriptLine)] = []
    rows.reserveCapacity(height)
    var (index, position) = topPosition()
    while index < items.count, rows.count < height {
      let item = items[index]
      let lineCount = item.lineCount
      while position < lineCount, rows.count < height {
        rows.append((index, item.line(position)))
        position += 1
      }
      position = 0
      index += 1
    }
    return rows
  }

  mutating func clampAnchor() {
    guard case .pinned(let item, let line) = anchor else { return }
    guard items.indices.contains(item) else {
      anchor = .tail
      return
    }
    items[item].layOut(width: width)
    anchor = .pinned(item: item, line: max(0, min(line, items[item].lineCount - 1)))
  }
}
