import ChatDomain
import Foundation
import Testing

@testable import ChatCore

@Suite struct ThemeCatalogTests {
  /// A fresh temporary directory, removed by the caller's `defer`.
  private func makeDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "orchat-themes-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  private func remove(_ path: String) {
    #expect((try? FileManager.default.removeItem(atPath: path)) != nil)
  }

  @Test func withoutDirectoriesTheCompiledInDefaultIsUsed() {
    let selection = ThemeCatalog(searchPath: ThemeSearchPath(directories: [])).load(named: nil)
    #expect(selection.theme.name == "dark")
    #expect(selection.source == .builtIn)
    #expect(selection.problems.isEmpty)
  }

  @Test func earlierDirectoriesWin() throws {
    let user = try makeDirectory()
    let shipped = try makeDirectory()
    defer {
      remove(user)
      remove(shipped)
    }
    try write("name = \"ocean\"\n[palette]\nprimary = \"#0000ff\"", to: user + "/ocean.toml")
    try write("name = \"ocean\"\n[palette]\nprimary = \"#00ff00\"", to: shipped + "/ocean.toml")
    let catalog = ThemeCatalog(searchPath: ThemeSearchPath(directories: [user, shipped]))
    let selection = catalog.load(named: "ocean")
    #expect(selection.source == .file(user + "/ocean.toml"))
    #expect(selection.theme.palette["primary"] == .rgb(RGBColor(red: 0, green: 0, blue: 255)))
    #expect(catalog.availableThemeNames().contains("ocean"))
  }

  @Test func anUnknownNameFallsBackToTheDefaultAndSaysWhere() throws {
    let directory = try makeDirectory()
    defer { remove(directory) }
    let selection = ThemeCatalog(searchPath: ThemeSearchPath(directories: [directory])).load(
      named: "nope")
    #expect(selection.theme.name == "dark")
    #expect(selection.problems.count == 1)
    #expect(selection.problems.first?.kind == .notFound)
    #expect(selection.problems.first?.userMessage.contains(directory) == true)
  }

  @Test func aBrokenThemeFallsBackAndNamesFileKeyAndLine() throws {
    let directory = try makeDirectory()
    defer { remove(directory) }
    let path = directory + "/broken.toml"
    try write("name = \"broken\"\n[roles]\n\"title\" = { fg = \"nocolour\" }\n", to: path)
    let selection = ThemeCatalog(searchPath: ThemeSearchPath(directories: [directory])).load(
      named: "broken")
    #expect(selection.theme.name == "dark")
    #expect(selection.source == .builtIn)
    #expect(
      selection.problems.map(\.userMessage) == [
        "theme: \(path):3: roles.title.fg: 'nocolour' is neither a palette slot nor a colour"
      ])
  }

  @Test func aBrokenDefaultFileFallsBackToTheCompiledInDefault() throws {
    let directory = try makeDirectory()
    defer { remove(directory) }
    try write("[palette\n", to: directory + "/dark.toml")
    let selection = ThemeCatalog(searchPath: ThemeSearchPath(directories: [directory])).load(
      named: nil)
    #expect(selection.source == .builtIn)
    #expect(selection.theme == BuiltInThemes.defaultTheme)
    #expect(selection.problems.first?.kind == .syntax)
  }

  @Test func aPathLoadsThatFile() throws {
    let directory = try makeDirectory()
    defer { remove(directory) }
    try write("name = \"mine\"", to: directory + "/mine.toml")
    let selection = ThemeCatalog(searchPath: ThemeSearchPath(directories: [])).load(
      named: directory + "/mine.toml")
    #expect(selection.theme.name == "mine")
  }

  @Test func noColorSelectsMonoWithoutColour() throws {
    let directory = try makeDirectory()
    defer { remove(directory) }
    try write(
      "name = \"mono\"\n[roles]\n\"title\" = { fg = \"red\", bold = true }",
      to: directory + "/mono.toml")
    let catalog = ThemeCatalog(searchPath: ThemeSearchPath(directories: [directory]))
    let selection = catalog.load(named: "solarized-dark", colorDisabled: true)
    #expect(selection.theme.name == "mono")
    #expect(selection.theme[.title] == ThemeStyle(attributes: .bold))
    #expect(ThemeCatalog.isColorDisabled(in: ["NO_COLOR": "1"]))
    #expect(!ThemeCatalog.isColorDisabled(in: ["NO_COLOR": ""]))
    #expect(!ThemeCatalog.isColorDisabled(in: [:]))
  }

  @Test func theStandardSearchPathOrdersExplicitUserThenShipped() throws {
    let root = try makeDirectory()
    defer { remove(root) }
    for directory in ["explicit", "config/orchat/themes", "repo/themes", "repo/.build/debug"] {
      try FileManager.default.createDirectory(
        atPath: root + "/" + directory, withIntermediateDirectories: true)
    }
    try write("", to: root + "/repo/themes/dark.toml")
    let path = ThemeSearchPath.standard(
      explicitDirectory: root + "/explicit", environment: ["XDG_CONFIG_HOME": root + "/config"],
      executablePath: root + "/repo/.build/debug/orchat", currentDirectory: "/")
    #expect(
      path.directories == [
        root + "/explicit", root + "/config/orchat/themes", root + "/repo/themes",
      ])
  }

  @Test func theShippedFolderIsAlsoFoundFromTheCurrentDirectoryOrTheEnvironment() throws {
    let root = try makeDirectory()
    defer { remove(root) }
    try write("", to: root + "/repo/themes/dark.toml")
    try FileManager.default.createDirectory(
      atPath: root + "/repo/Sources/x", withIntermediateDirectories: true)
    let fromDirectory = ThemeSearchPath.standard(
      environment: [:], executablePath: "/usr/bin/true", currentDirectory: root + "/repo/Sources/x")
    #expect(fromDirectory.directories == [root + "/repo/themes"])
    let fromEnvironment = ThemeSearchPath.standard(
      environment: ["ORCHAT_THEMES_DIR": root + "/repo/themes", "HOME": root + "/home"],
      executablePath: nil, currentDirectory: "/")
    #expect(fromEnvironment.directories == [root + "/repo/themes"])
  }
}
