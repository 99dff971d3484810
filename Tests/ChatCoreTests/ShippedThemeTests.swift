import ChatDomain
import Foundation
import Testing

@testable import ChatCore

/// The files in the repository's `themes/` folder: they load, cover every role, read well,
/// and the compiled-in copies match them.
@Suite struct ShippedThemeTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path

  static let files: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted()
  }()

  /// Body text: what a person reads most, held to WCAG AA for normal text.
  static let bodyRoles: [StyleRole] = [.base, .transcriptBody, .code]

  private func theme(_ file: String) throws -> Theme {
    try ThemeLoader.theme(contentsOf: Self.directory + "/" + file)
  }

  @Test func theRequiredThemesShip() {
    let required = ["dark", "light", "high-contrast", "solarized-dark", "solarized-light", "mono"]
    #expect(Set(required.map { $0 + ".toml" }).isSubset(of: Set(Self.files)))
  }

  @Test(arguments: files) func everyShippedThemeLoadsAndResolvesEveryRole(file: String) throws {
    let theme = try theme(file)
    #expect(theme.name + ".toml" == file)
    #expect(Set(theme.styles.keys) == Set(StyleRole.allCases))
  }

  @Test(arguments: files) func bodyTextMeetsContrastFourPointFive(file: String) throws {
    let theme = try theme(file)
    for role in Self.bodyRoles {
      #expect(theme.contrastRatio(of: role) >= 4.5, "\(file): \(role.rawValue)")
    }
  }

  /// Everything else still reads: at least 3:1 (WCAG's floor for large text and UI parts).
  @Test(arguments: files) func everyRoleMeetsContrastThree(file: String) throws {
    let theme = try theme(file)
    for role in StyleRole.allCases {
      #expect(theme.contrastRatio(of: role) >= 3, "\(file): \(role.rawValue)")
    }
  }

  @Test func highContrastReachesSevenEverywhere() throws {
    let theme = try theme("high-contrast.toml")
    for role in StyleRole.allCases {
      #expect(theme.contrastRatio(of: role) >= 7, "\(role.rawValue)")
    }
  }

  @Test func monoUsesNoColour() throws {
    let theme = try theme("mono.toml")
    for role in StyleRole.allCases {
      #expect(
        theme[role].foreground == .terminalDefault && theme[role].background == .terminalDefault)
    }
  }

  @Test(arguments: BuiltInThemes.names) func compiledInThemesMatchTheShippedFiles(name: String)
    throws
  {
    let shipped = try String(contentsOfFile: Self.directory + "/\(name).toml", encoding: .utf8)
    let compiled = try #require(BuiltInThemes.text(named: name))
    #expect(
      compiled == shipped.trimmingCharacters(in: .newlines),
      "run Scripts/embed-themes.sh after editing themes/\(name).toml")
  }

  @Test func theReadmeDocumentsEveryRoleAndTheme() throws {
    let readme = try String(contentsOfFile: Self.directory + "/README.md", encoding: .utf8)
    for role in StyleRole.allCases {
      #expect(readme.contains("`\(role.rawValue)`"), "themes/README.md lacks \(role.rawValue)")
    }
    for file in Self.files {
      #expect(readme.contains("`\(file)`"), "themes/README.md lacks \(file)")
    }
  }
}
