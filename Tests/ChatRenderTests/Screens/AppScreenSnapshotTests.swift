import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Foundation
import TestSupport
import Testing

/// Every screen of the app at 80×24 and 120×40, in the dark and the light theme.
@Suite struct AppScreenSnapshotTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  func snapshot(
    _ make: (TerminalSize) -> AppState, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for size in ScreenFixtures.sizes {
      let frame = AppView.render(make(size))
      for theme in ScreenFixtures.themes {
        assertGridSnapshot(frame, theme: theme)
      }
    }
  }

  @Test func welcomeScreen() {
    snapshot { ScreenFixtures.base($0) }
  }

  @Test func conversationWithStreamingReply() {
    snapshot { ScreenFixtures.conversation($0) }
  }

  /// Three models side by side at 200×50, stacked panes below that (at 120×40 three
  /// columns would get less than 40 cells each).
  @Test func compareOfThreeModels() {
    let sizes = [
      TerminalSize(columns: 200, rows: 50), TerminalSize(columns: 120, rows: 40),
      TerminalSize(columns: 80, rows: 24),
    ]
    for size in sizes {
      assertGridSnapshot(
        AppView.render(ScreenFixtures.compare(size)), theme: ScreenFixtures.themes[0])
    }
    // The stacked layout shows the selected reply: the second one here.
    var state = ScreenFixtures.compare(TerminalSize(columns: 80, rows: 24))
    _ = AppReducer.reduce(&state, .key(.character("2")))
    assertGridSnapshot(AppView.render(state), theme: ScreenFixtures.themes[0], named: "secondPane")
  }

  @Test func attachments() {
    snapshot { ScreenFixtures.attachments($0) }
  }

  @Test func modelPicker() {
    snapshot { size in
      var state = ScreenFixtures.base(size)
      _ = AppReducer.reduce(&state, .key(.control("o")))
      for character in "gpt" { _ = AppReducer.reduce(&state, .key(.character(character))) }
      return state
    }
  }

  @Test func sessionBrowserWithSearchResults() {
    snapshot { size in
      var state = ScreenFixtures.base(size)
      _ = AppReducer.reduce(&state, .key(.control("s")))
      _ = AppReducer.reduce(&state, .key(.character("/")))
      for character in "window" { _ = AppReducer.reduce(&state, .key(.character(character))) }
      let hit = MessageSearchHit(
        sessionID: "s3", sessionTitle: "SQL window functions", messageID: "m1", role: .assistant,
        createdAt: ScreenFixtures.now,
        snippet: "…use a [window] function with PARTITION BY customer_id…")
      _ = AppReducer.reduce(&state, .sessionsSearched(query: "window", .success([hit])))
      return state
    }
  }

  @Test func sessionBrowserList() {
    snapshot { size in
      var state = ScreenFixtures.base(size)
      _ = AppReducer.reduce(&state, .key(.control("s")))
      return state
    }
  }

  @Test func helpOverlay() {
    snapshot { size in
      var state = ScreenFixtures.base(size)
      _ = AppReducer.reduce(&state, .key(KeyEvent(.function(1))))
      return state
    }
  }

  @Test func agentList() {
    snapshot { size in
      var state = ScreenFixtures.base(size)
      _ = AppReducer.reduce(&state, .key(.control("a")))
      return state
    }
  }

  /// At the smallest supported size overlays take the whole screen: the session list keeps
  /// room for titles, the help wraps its descriptions rather than cutting them off.
  @Test func overlaysAtTheSmallestSupportedSize() {
    let size = TerminalSize(columns: 60, rows: 16)
    var sessions = ScreenFixtures.base(size)
    _ = AppReducer.reduce(&sessions, .key(.control("s")))
    assertGridSnapshot(AppView.render(sessions), named: "sessions")
    var help = ScreenFixtures.base(size)
    _ = AppReducer.reduce(&help, .key(KeyEvent(.function(1))))
    assertGridSnapshot(AppView.render(help), named: "help")
  }

  /// Sources under a reply, as OSC 8 links (the snapshot's `links` block) at both sizes,
  /// and with their URLs as text where the terminal takes no links.
  @Test func replyWithSources() {
    for size in ScreenFixtures.sizes {
      let frame = AppView.render(ScreenFixtures.replyWithSources(size, hyperlinks: true))
      assertGridSnapshot(frame, theme: ScreenFixtures.themes[0])
    }
    let plain = AppView.render(
      ScreenFixtures.replyWithSources(TerminalSize(columns: 80, rows: 24), hyperlinks: false))
    assertGridSnapshot(plain, named: "urlsAsText")
  }

  @Test func tooSmallTerminalSaysHowMuchRoomItNeeds() {
    let state = ScreenFixtures.base(TerminalSize(columns: 50, rows: 12))
    assertGridSnapshot(AppView.render(state))
  }
}
