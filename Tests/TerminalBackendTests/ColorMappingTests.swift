import ChatCore
import ChatDomain
import Testing

@testable import TerminalBackend

@Suite struct ColorMappingTests {
  private func rgb(_ hex: String) throws -> ThemeColor {
    .rgb(try #require(RGBColor(hex: hex)))
  }

  @Test func colourCountsMapToDepths() {
    #expect(ColorDepth(colorCount: 0) == .monochrome)
    #expect(ColorDepth(colorCount: 8) == .ansi8)
    #expect(ColorDepth(colorCount: 16) == .ansi16)
    #expect(ColorDepth(colorCount: 256) == .xterm256)
    #expect(ColorDepth(colorCount: 16_777_216) == .xterm256)
  }

  @Test func exactCubeAndGreyColoursMapToTheirOwnIndex() throws {
    #expect(ColorMapping.colorNumber(for: try rgb("#5fafff"), depth: .xterm256) == 75)
    #expect(ColorMapping.colorNumber(for: try rgb("#303030"), depth: .xterm256) == 236)
    #expect(ColorMapping.colorNumber(for: try rgb("#000000"), depth: .xterm256) == 16)
    #expect(ColorMapping.colorNumber(for: try rgb("#ffffff"), depth: .xterm256) == 231)
  }

  @Test func everyPaletteEntryRoundTripsThroughNearest() {
    for index in 16..<256 {
      #expect(ColorMapping.nearestXterm256(ColorMapping.xterm256RGB(index)) == index)
    }
  }

  @Test func inBetweenColoursPickTheNearestEntry() throws {
    // Solarized base03 is closest to a dark grey (235), not to the cube's black or navy.
    #expect(ColorMapping.colorNumber(for: try rgb("#002b36"), depth: .xterm256) == 235)
    // A near-grey stays grey rather than turning into a tinted cube colour.
    #expect(ColorMapping.colorNumber(for: try rgb("#777778"), depth: .xterm256) == 243)
  }

  @Test func sixteenAndEightColourTerminalsGetTheNearestANSIColour() throws {
    // A light red stays red (plain RGB distance would pick grey).
    #expect(ColorMapping.colorNumber(for: try rgb("#ff5f5f"), depth: .ansi16) == 1)
    #expect(ColorMapping.colorNumber(for: try rgb("#ff5f5f"), depth: .ansi8) == 1)
    #expect(ColorMapping.colorNumber(for: try rgb("#00af00"), depth: .ansi8) == 2)
    #expect(ColorMapping.colorNumber(for: try rgb("#1c1c1c"), depth: .ansi16) == 0)
  }

  @Test func namedColoursKeepTheirNumberAndFoldAtEightColours() {
    #expect(ColorMapping.colorNumber(for: .ansi(.brightRed), depth: .xterm256) == 9)
    #expect(ColorMapping.colorNumber(for: .ansi(.brightRed), depth: .ansi16) == 9)
    #expect(ColorMapping.colorNumber(for: .ansi(.brightRed), depth: .ansi8) == 1)
  }

  @Test func terminalDefaultAndMonochromeGiveMinusOne() throws {
    #expect(ColorMapping.colorNumber(for: .terminalDefault, depth: .xterm256) == -1)
    #expect(ColorMapping.colorNumber(for: try rgb("#ff0000"), depth: .monochrome) == -1)
    #expect(ColorMapping.colorNumber(for: .ansi(.red), depth: .monochrome) == -1)
  }
}

@Suite struct ColorPairAllocatorTests {
  typealias Colors = ColorPairAllocator.Colors

  @Test func defaultColoursUsePairZeroWithoutAllocating() {
    var allocator = ColorPairAllocator(capacity: 256)
    let allocation = allocator.pair(for: Colors(foreground: -1, background: -1))
    #expect(allocation.number == 0)
    #expect(!allocation.isNew)
    #expect(allocator.allocatedCount == 0)
  }

  @Test func pairsAreAllocatedLazilyAndReused() {
    var allocator = ColorPairAllocator(capacity: 256)
    let first = allocator.pair(for: Colors(foreground: 75, background: -1))
    let second = allocator.pair(for: Colors(foreground: 203, background: 236))
    let again = allocator.pair(for: Colors(foreground: 75, background: -1))
    #expect((first.number, first.isNew) == (1, true))
    #expect((second.number, second.isNew) == (2, true))
    #expect((again.number, again.isNew) == (1, false))
  }

  @Test func pairsAbove255AreExtended() {
    var allocator = ColorPairAllocator(capacity: 65_536)
    var last = ColorPairAllocator.Allocation(number: 0, isNew: false)
    for foreground in 0..<300 {
      last = allocator.pair(
        for: Colors(foreground: Int32(foreground % 256), background: Int32(foreground / 256)))
    }
    #expect(last.number == 300)
    #expect(last.isExtended)
    #expect(!allocator.pair(for: Colors(foreground: 1, background: 0)).isExtended)
  }

  @Test func exhaustedPairsFallBackToTheDefaultPair() {
    var allocator = ColorPairAllocator(capacity: 3)
    _ = allocator.pair(for: Colors(foreground: 1, background: -1))
    _ = allocator.pair(for: Colors(foreground: 2, background: -1))
    let overflow = allocator.pair(for: Colors(foreground: 3, background: -1))
    #expect(overflow.number == 0)
    #expect(!overflow.isNew)
  }
}
