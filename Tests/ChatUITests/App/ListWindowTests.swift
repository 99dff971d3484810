import TestSupport
import Testing

@testable import ChatUI

@Suite struct ListWindowTests {
  /// The invariants every method keeps.
  func expectValid(_ window: ListWindow, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(window.cursor >= 0, sourceLocation: sourceLocation)
    #expect(window.cursor < max(1, window.count), sourceLocation: sourceLocation)
    #expect(window.offset >= 0 && window.offset <= window.maxOffset, sourceLocation: sourceLocation)
    #expect(window.offset <= window.cursor, sourceLocation: sourceLocation)
    if window.height > 0 {
      #expect(window.cursor < window.offset + window.height, sourceLocation: sourceLocation)
    }
  }

  @Test func aNewWindowScrollsFromTheTopJustFarEnoughToShowTheCursor() {
    #expect(ListWindow(count: 20, height: 5).offset == 0)
    #expect(ListWindow(count: 20, height: 5, cursor: 4).offset == 0)
    #expect(ListWindow(count: 20, height: 5, cursor: 7).offset == 3)
    let clamped = ListWindow(count: 20, height: 5, cursor: 99)
    #expect(clamped.cursor == 19 && clamped.offset == 15)
    #expect(ListWindow(count: 20, height: 5, cursor: -3).cursor == 0)
  }

  /// Down one at a time puts the cursor on the last visible row (the old anchoring); back up,
  /// the offset stays until the cursor reaches the top row.
  @Test func movingScrollsAsLittleAsShowsTheCursor() {
    var window = ListWindow(count: 20, height: 5)
    for expected in 1..<20 {
      window.move(by: 1)
      #expect(window.cursor == expected)
      #expect(window.offset == max(0, expected - 4))
      expectValid(window)
    }
    window.move(by: 1)
    #expect(window.cursor == 19 && window.offset == 15)
    window.move(by: -3)
    #expect(window.cursor == 16 && window.offset == 15)
    window.move(by: -2)
    #expect(window.cursor == 14 && window.offset == 14)
    window.move(by: -100)
    #expect(window.cursor == 0 && window.offset == 0)
  }

  @Test func movingByAPageStopsAtEitherEnd() {
    var window = ListWindow(count: 25, height: 8)
    window.move(by: 10)
    #expect(window.cursor == 10 && window.offset == 3)
    window.move(by: 10)
    window.move(by: 10)
    #expect(window.cursor == 24 && window.offset == 17)
    window.move(by: -10)
    #expect(window.cursor == 14 && window.offset == 14)
    window.move(by: -10)
    window.move(by: -10)
    #expect(window.cursor == 0 && window.offset == 0)
  }

  @Test func moveToClampsAndScrollsEitherWay() {
    var window = ListWindow(count: 30, height: 10)
    window.move(to: 25)
    #expect(window.cursor == 25 && window.offset == 16)
    window.move(to: 20)
    #expect(window.offset == 16)
    window.move(to: 3)
    #expect(window.cursor == 3 && window.offset == 3)
    window.move(to: 1000)
    #expect(window.cursor == 29 && window.offset == 20)
    window.move(to: -1)
    #expect(window.cursor == 0 && window.offset == 0)
  }

  @Test func resetForgetsTheOffset() {
    var window = ListWindow(count: 30, height: 10)
    window.move(to: 25)
    window.move(to: 18)
    #expect(window.offset == 16)
    window.reset(cursor: 18)
    #expect(window.cursor == 18 && window.offset == 9)
    window.reset()
    #expect(window.cursor == 0 && window.offset == 0)
  }

  @Test func resizingKeepsTheCursorVisibleAndNeverShowsPastTheEnd() {
    var window = ListWindow(count: 30, height: 10, cursor: 15)
    #expect(window.offset == 6)
    window.resize(height: 4)
    #expect(window.cursor == 15 && window.offset == 12)
    window.resize(height: 20)
    #expect(window.cursor == 15 && window.offset == 10)
    window.resize(count: 12)
    #expect(window.cursor == 11 && window.offset == 0)
    window.resize(height: 5, count: 40)
    #expect(window.cursor == 11 && window.offset == 7)
    expectValid(window)
  }

  @Test func scrollingMovesTheWindowAndKeepsTheCursorsRow() {
    var window = ListWindow(count: 30, height: 10, cursor: 2)
    window.scroll(by: 5)
    #expect(window.offset == 5 && window.cursor == 7)
    window.scroll(by: 100)
    #expect(window.offset == 20 && window.cursor == 22)
    window.scroll(by: -1)
    #expect(window.offset == 19 && window.cursor == 21)
    window.scroll(by: -100)
    #expect(window.offset == 0 && window.cursor == 2)
  }

  /// Scroll-only use (the help): the offset is bounded, so Up right after scrolling far past
  /// the end scrolls at once.
  @Test func scrollOnlyUseStopsAtTheEnd() {
    var window = ListWindow(count: 50, height: 21)
    for _ in 0..<10 { window.scroll(by: 10) }
    #expect(window.offset == 29 && window.offset == window.maxOffset)
    window.scroll(by: -1)
    #expect(window.offset == 28)
    var short = ListWindow(count: 3, height: 21)
    short.scroll(by: 10)
    #expect(short.offset == 0 && short.maxOffset == 0)
  }

  @Test func rowsMapToTheItemsShownThere() {
    var window = ListWindow(count: 12, height: 5)
    window.move(to: 9)
    #expect(window.visibleRange == 5..<10)
    #expect(window.index(atVisibleRow: 0) == 5)
    #expect(window.index(atVisibleRow: 4) == 9)
    #expect(window.index(atVisibleRow: 5) == nil)
    #expect(window.index(atVisibleRow: -1) == nil)
    window.move(to: 11)
    #expect(window.visibleRange == 7..<12)
    // A list shorter than the window: rows below the last item hold nothing.
    let short = ListWindow(count: 3, height: 5)
    #expect(short.visibleRange == 0..<3)
    #expect(short.index(atVisibleRow: 2) == 2)
    #expect(short.index(atVisibleRow: 3) == nil)
  }

  @Test func anEmptyListHasNothingToSelectOrShow() {
    var window = ListWindow(count: 0, height: 5)
    window.move(by: 1)
    window.move(by: -1)
    window.scroll(by: 3)
    window.move(to: 4)
    #expect(window.cursor == 0 && window.offset == 0)
    #expect(window.visibleRange.isEmpty)
    #expect(window.index(atVisibleRow: 0) == nil)
    expectValid(window)
    window.resize(count: 3)
    #expect(window.cursor == 0 && window.visibleRange == 0..<3)
  }

  /// With no rows nothing is visible, but the cursor still moves; the window shows it again
  /// once it has rows.
  @Test func aWindowWithNoRowsShowsNothingAndRecoversOnResize() {
    var window = ListWindow(count: 10, height: 0)
    window.move(by: 6)
    #expect(window.cursor == 6)
    #expect(window.visibleRange.isEmpty)
    #expect(window.index(atVisibleRow: 0) == nil)
    expectValid(window)
    window.scroll(by: 100)
    expectValid(window)
    window.resize(height: 3)
    #expect(window.visibleRange.contains(window.cursor))
    expectValid(window)
    var negative = ListWindow(count: -4, height: -2, cursor: 3)
    #expect(negative.count == 0 && negative.height == 0 && negative.cursor == 0)
    negative.resize(height: -1, count: 2)
    #expect(negative.height == 0 && negative.count == 2)
  }

  /// Whatever the sequence of calls, the invariants hold.
  @Test func theInvariantsHoldUnderAnySequence() {
    var generator = SeededGenerator(seed: 10)
    var window = ListWindow()
    for _ in 0..<5_000 {
      switch Int.random(in: 0..<7, using: &generator) {
      case 0: window.move(by: Int.random(in: -15...15, using: &generator))
      case 1: window.move(to: Int.random(in: -5...40, using: &generator))
      case 2: window.scroll(by: Int.random(in: -15...15, using: &generator))
      case 3: window.resize(height: Int.random(in: -1...12, using: &generator))
      case 4: window.resize(count: Int.random(in: 0...35, using: &generator))
      case 5: window.reset(cursor: Int.random(in: -2...40, using: &generator))
      default:
        window.resize(
          height: Int.random(in: 0...12, using: &generator),
          count: Int.random(in: 0...35, using: &generator))
      }
      expectValid(window)
    }
  }
}
