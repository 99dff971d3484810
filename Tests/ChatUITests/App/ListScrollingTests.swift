import ChatDomain
import TestSupport
import Testing

@testable import ChatUI

/// The lists' scroll state lives in the reducer's windows, sized from the layout: clicks
/// land on the item drawn under them, and scrolling stops at the end.
@Suite struct ListScrollingTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  static let pageDown = Action.key(KeyEvent(.pageDown))
  static let up = Action.key(KeyEvent(.up))

  static func summaries(_ count: Int) -> [SessionSummary] {
    (0..<count).map { index in
      SessionSummary(
        session: session("s\(index)", title: "Session \(index)"), messageCount: 2, cost: nil)
    }
  }

  static func agents(_ count: Int) -> [Agent] {
    (0..<count).map { Agent(name: "agent\($0)", model: "openai/gpt-5-mini") }
  }

  static func click(x: Int, y: Int) -> Action {
    .mouse(MouseEvent(.release(.left), x: x, y: y))
  }

  // MARK: - Clicks in scrolled side lists

  @Test func clickingAScrolledSideSessionListSelectsTheSessionShownThere() throws {
    var state = makeState()
    let count = 40
    apply(&state, .sessionsListed(.success(Self.summaries(count))))
    let box = try #require(state.layout.sessionsBox)
    let rows = box.height - 2
    #expect(count > rows)
    apply(&state, Self.click(x: box.x + 2, y: box.y + 1))
    #expect(state.focus == .sessions)
    for _ in 1..<count { apply(&state, .key(.character("j"))) }
    #expect(state.sessions.sideCursor == count - 1)
    // The list now shows its last `rows` sessions: the top row is session `count - rows`.
    apply(&state, Self.click(x: box.x + 2, y: box.y + 1))
    #expect(state.sessions.sideCursor == count - rows)
    apply(&state, Self.click(x: box.x + 2, y: box.y + 1 + 3))
    #expect(state.sessions.sideCursor == count - rows + 3)
  }

  @Test func clickingAScrolledSideAgentListSelectsTheAgentShownThere() throws {
    var state = makeState()
    let count = 20
    state.agents = Self.agents(count)
    let box = try #require(state.layout.agentsBox)
    let shown = (box.height - 2) / 2  // two rows per agent
    #expect(count > shown)
    apply(&state, Self.click(x: box.x + 2, y: box.y + 1))
    #expect(state.focus == .agents)
    for _ in 1..<count { apply(&state, .key(.character("j"))) }
    #expect(state.agentCursor == count - 1)
    // The top agent shown is `count - shown`; either of an agent's two rows selects it.
    apply(&state, Self.click(x: box.x + 2, y: box.y + 1))
    #expect(state.agentCursor == count - shown)
    apply(&state, Self.click(x: box.x + 2, y: box.y + 1 + 2 * 2 + 1))
    #expect(state.agentCursor == count - shown + 2)
  }

  // MARK: - The help's scroll

  @Test func theHelpStopsScrollingAtItsEndSoUpScrollsAtOnce() {
    var state = makeState(columns: 80, rows: 24)
    apply(&state, .key(KeyEvent(.function(1))))
    #expect(state.overlay == .help)
    for _ in 0..<30 { apply(&state, Self.pageDown) }
    let end = state.helpScroll
    #expect(end > 0)
    apply(&state, Self.pageDown)
    #expect(state.helpScroll == end)
    apply(&state, Self.up)
    #expect(state.helpScroll == end - 1)
  }

  /// The help's end is where its last line is on the bottom row of the last column.
  @Test func theHelpEndsWithItsLastLineOnTheBottomRow() {
    for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 30)] {
      var state = makeState(columns: size.columns, rows: size.rows)
      apply(&state, .key(KeyEvent(.function(1))))
      for _ in 0..<30 { apply(&state, Self.pageDown) }
      let layout = state.layout
      let lines = HelpLines.lines(state.keyMap, width: layout.helpColumnWidth).count
      #expect(state.helpScroll == max(0, lines - layout.helpVisibleLines))
      #expect(state.helpWindow.height == layout.helpVisibleLines)
    }
  }

  /// Every slash command has its line in the help (the attachment commands and the web
  /// ones alike), and the transcript keys name both kinds of stops under a message.
  @Test func theHelpListsEveryCommand() {
    let state = makeState(columns: 120, rows: 40)
    let text = HelpLines.lines(state.keyMap, width: 200).map(\.0).joined(separator: "\n")
    for name in SlashCommand.names {
      #expect(text.contains("/\(name)"), "no help line for /\(name)")
    }
    #expect(text.contains("select the previous message, attachment or source"))
    #expect(text.contains("open the selected attachment"))
    #expect(text.contains("or source link"))
  }

  // MARK: - Windows sized from the layout

  @Test func everyWindowIsSizedFromTheLayout() {
    var state = makeState()
    apply(&state, .sessionsListed(.success(Self.summaries(40))))
    var layout = state.layout
    #expect(state.agentWindow.height == layout.sideAgentRows)
    #expect(state.sessions.sideWindow.height == layout.sideSessionRows)
    #expect(state.sessions.sideWindow.count == 40)
    #expect(state.sessions.window.height == layout.sessionBrowserRows(showingHits: false))
    #expect(state.modelPicker.window.height == layout.modelPickerRows)

    // Narrow: no side column; the agent window follows the overlay while it is open.
    apply(&state, .resized(TerminalSize(columns: 80, rows: 24)))
    layout = state.layout
    #expect(state.sessions.sideWindow.height == 0)
    #expect(state.agentWindow.height == 0)
    apply(&state, .key(.control("a")))
    #expect(state.overlay == .agents)
    #expect(state.agentWindow.height == layout.agentListRows(agentCount: state.agents.count))
    #expect(state.agentWindow.height > 0)
  }

  /// Moving back up keeps the offset until the cursor reaches the top row; a shorter list
  /// brings the offset back so that the window never shows rows past the end.
  @Test func theSessionBrowserScrollsAsLittleAsShowsTheCursor() {
    var state = makeState(columns: 80, rows: 24)
    apply(&state, .sessionsListed(.success(Self.summaries(40))), .key(.control("s")))
    let rows = state.sessions.window.height
    #expect(rows > 2 && rows < 40)
    for _ in 0..<30 { apply(&state, .key(KeyEvent(.down))) }
    #expect(state.sessions.cursor == 30)
    #expect(state.sessions.window.offset == 30 - rows + 1)
    apply(&state, Self.up)
    #expect(state.sessions.cursor == 29)
    #expect(state.sessions.window.offset == 30 - rows + 1)
    apply(&state, .sessionsListed(.success(Self.summaries(25))))
    #expect(state.sessions.cursor == 24)
    #expect(state.sessions.window.offset == 25 - rows)
  }

  /// Search results take two rows each, so the browser's window shows half as many.
  @Test func searchResultsHalveTheBrowsersWindow() {
    var state = makeState(columns: 80, rows: 24)
    apply(&state, .sessionsListed(.success(Self.summaries(3))), .key(.control("s")))
    let listRows = state.sessions.window.height
    let hits = (0..<30).map { index in
      MessageSearchHit(
        sessionID: "s\(index)", sessionTitle: "Session \(index)", messageID: "m\(index)",
        role: .assistant, createdAt: referenceDate, snippet: "a [match]")
    }
    apply(&state, .key(.character("/")))
    type("match", into: &state)
    apply(&state, .sessionsSearched(query: "match", .success(hits)))
    #expect(state.sessions.window.count == 30)
    #expect(state.sessions.window.height == max(1, listRows / 2))
  }
}
