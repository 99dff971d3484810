import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Foundation
import TestSupport
import Testing

/// Whatever a user does (random keys, pastes, clicks, resizes down to a few cells) while a
/// reply streams, the reducer and the views never crash and the frame always fits the
/// terminal, and frames drawn with the render cache (lines, side column) equal frames drawn
/// without it.
@Suite struct RandomInputRobustnessTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  static let keys: [KeyEvent] = [
    KeyEvent(.enter), KeyEvent(.enter, .alt), KeyEvent(.escape), KeyEvent(.tab),
    KeyEvent(.tab, .shift),
    KeyEvent(.up), KeyEvent(.down), KeyEvent(.left), KeyEvent(.right), KeyEvent(.home),
    KeyEvent(.end),
    KeyEvent(.pageUp), KeyEvent(.pageDown), KeyEvent(.backspace), KeyEvent(.delete),
    KeyEvent(.function(1)),
    .control("o"), .control("a"), .control("s"), .control("n"), .control("w"), .control("u"),
    .control("k"),
    .control("x"), .control("e"), .control("j"), .character("r"), .character("e"), .character("y"),
    .character("["), .character("]"), .character("/"), .character("?"), .character("d"),
    .character("n"),
    .character("x"), .character("你"), .character("🚀"), .character(" "),
  ]

  @Test func randomInputNeverCrashesAndFramesFit() {
    var generator = SeededGenerator(seed: 2026)
    let cache = RenderCache(lines: LineRowCache(capacity: 48))
    for round in 0..<4 {
      var state = ScreenFixtures.conversation(
        round % 2 == 0 ? TerminalSize(columns: 80, rows: 24) : TerminalSize(columns: 120, rows: 40))
      var tokens = 0
      for _ in 0..<300 {
        let action: Action
        switch Int.random(in: 0..<20, using: &generator) {
        case 0:
          action = .resized(
            TerminalSize(
              columns: Int.random(in: 0...140, using: &generator),
              rows: Int.random(in: 0...50, using: &generator)))
        case 1:
          action = .paste(
            ["line\nline", "/model x", "你好 🚀\r\n", String(repeating: "long ", count: 60)]
              .randomElement(using: &generator) ?? "")
        case 2:
          let kinds: [MouseEvent.Kind] = [.wheelUp, .wheelDown, .press(.left), .release(.left)]
          action = .mouse(
            MouseEvent(
              kinds.randomElement(using: &generator) ?? .wheelUp,
              x: Int.random(in: 0..<140, using: &generator),
              y: Int.random(in: 0..<50, using: &generator)))
        case 3, 4, 5:
          tokens += 1
          let text =
            ["word ", "\n\n", "```swift\nlet x", " = 1\n```\n", "| a | b |\n|---|---|\n"]
            .randomElement(using: &generator) ?? ""
          action = .conversation(
            1, .content(text), at: ScreenFixtures.now.addingTimeInterval(Double(tokens)))
        case 6:
          action = .tick(ScreenFixtures.now.addingTimeInterval(Double(tokens)))
        default:
          action = .key(Self.keys.randomElement(using: &generator) ?? KeyEvent(.enter))
        }
        _ = AppReducer.reduce(&state, action)
        let frame = AppView.render(state)
        #expect(AppView.render(state, cache: cache) == frame)
        #expect(frame.grid.width == state.size.columns && frame.grid.height == state.size.rows)
        if let cursor = frame.cursor {
          #expect(
            cursor.x >= 0 && cursor.x < state.size.columns && cursor.y >= 0
              && cursor.y < state.size.rows)
        }
        #expect(frame.grid.wideGlyphViolation == nil)
      }
    }
  }
}
