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
