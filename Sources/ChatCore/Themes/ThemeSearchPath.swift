import ChatDomain
import Foundation

/// The directories searched for `<name>.toml`, first match wins.
public struct ThemeSearchPath: Sendable, Hashable {
  public var directories: [String]

  public init(directories: [String]) {
    self.directories = directories
  }

  /// The standard order:
  /// 1. `explicitDirectory` (a `--themes-dir` flag or config), when given;
  /// 2. the user's themes: `$XDG_CONFIG_HOME/orchat/themes`, else `~/.config/orchat/themes`;
  /// 3. the shipped themes: `$ORCHAT_THEMES_DIR` when set, else the first `themes/`
  ///    folder holding `dark.toml` found walking up from the executable (also trying
  ///    `share/orchat/themes` beside an install prefix), then from the current directory.
  ///
  /// Directories that do not exist are left out. The compiled-in themes come after all of
  /// these (see `ThemeCatalog`).
  public static func standard(
    explicitDirectory: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = Self.currentExecutablePath(),
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> ThemeSearchPath {
    var candidates: [String] = []
    if let explicitDirectory { candidates.append(explicitDirectory) }
    if let user = userDirectory(environment: environment) { candidates.append(user) }
    if let override = environment["ORCHAT_THEMES_DIR"], !override.isEmpty {
      candidates.append(override)
    } else if let shipped = shippedDirectory(
      executablePath: executablePath, currentDirectory: currentDirectory)
    {
      candidates.append(shipped)
    }
    var seen: Set<String> = []
    let existing = candidates.map(normalized).filter { path in
      isDirectory(path) && seen.insert(path).inserted
    }
    return ThemeSearchPath(directories: existing)
  }

  /// `$XDG_CONFIG_HOME/orchat/themes` or `$HOME/.config/orchat/themes`; `nil` without either.
  public static func userDirectory(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/orchat/themes"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.config/orchat/themes"
  }

  /// The shipped `themes/` folder near the executable or the current directory.
  public static func shippedDirectory(executablePath: String?, currentDirectory: String) -> String?
  {
    var starts: [String] = []
    if let executablePath {
      starts.append(URL(fileURLWithPath: executablePath).deletingLastPathComponent().path)
    }
    starts.append(currentDirectory)
    for start in starts {
      var directory = URL(fileURLWithPath: start).standardizedFileURL
      while true {
        for relative in ["themes", "share/orchat/themes"] {
          let candidate = directory.appendingPathComponent(relative).path
          if FileManager.default.fileExists(atPath: candidate + "/dark.toml") {
            return candidate
          }
        }
        let parent = directory.deletingLastPathComponent()
        if parent.path == directory.path { break }
        directory = parent
      }
    }
    return nil
  }

  /// The running executable, resolved through `/proc/self/exe` where it exists.
  public static func currentExecutablePath() -> String? {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return resolved
    }
    return Bundle.main.executablePath
  }

  private static func normalized(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
