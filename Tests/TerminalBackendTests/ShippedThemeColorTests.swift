import ChatCore
import ChatDomain
import Foundation
import Testing

@testable import TerminalBackend

/// The shipped themes as a 256-colour terminal shows them: quantising to the xterm palette
/// must not push body text below WCAG AA.
@Suite struct ShippedThemeColorTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path

  static let files: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted()
  }()

  /// The colour a 256-colour terminal shows for `color`.
  private func shown(_ color: ThemeColor, in theme: Theme, isForeground: Bool) -> RGBColor {
    guard case .rgb = color else { return theme.expectedRGB(of: color, isForeground: isForeground) }
    let index = ColorMapping.colorNumber(for: color, depth: .xterm256)
    return ColorMapping.xterm256RGB(Int(index))
  }

  @Test(arguments: files) func bodyTextKeepsContrastAt256Colours(file: String) throws {
    let theme = try ThemeLoader.theme(contentsOf: Self.directory + "/" + file)
    for role in [StyleRole.base, .transcriptBody, .code] {
      let style = theme[role]
      let foreground = shown(style.foreground, in: theme, isForeground: true)
      let background = shown(style.background, in: theme, isForeground: false)
      #expect(foreground.contrastRatio(with: background) >= 4.5, "\(file): \(role.rawValue)")
    }
  }
}
