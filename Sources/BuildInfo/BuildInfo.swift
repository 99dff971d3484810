/// What this orchat is: its version (the one place the number is written), the git commit it
/// was built from, and the Swift it was compiled with.
///
/// The commit comes from `Plugins/BuildInfoPlugin`, which writes it at build time; it is
/// `nil` for a build outside a git checkout. `BuildInfo` imports nothing, so every target
/// may depend on it.
public enum BuildInfo {
  /// orchat's version (semantic versioning). Raise it here and nowhere else: `--version`,
  /// `orchat version`, the User-Agent header and the manual page read it.
  public static let version = "0.1.0"

  /// The full git commit id of the build, when it was built from a checkout.
  public static let commit: String? = generatedCommit

  /// The first 12 characters of `commit`.
  public static var shortCommit: String? { commit.map { String($0.prefix(12)) } }

  /// `0.1.0 (commit 1a2b3c4d5e6f)`, or `0.1.0` when the commit is unknown.
  public static var versionLine: String {
    shortCommit.map { "\(version) (commit \($0))" } ?? version
  }

  /// The language version of the compiler that built orchat (`6.3`).
  public static let swiftVersion: String = {
    #if compiler(>=7.0)
      return "7.0 or later"
    #elseif compiler(>=6.5)
      return "6.5"
    #elseif compiler(>=6.4)
      return "6.4"
    #elseif compiler(>=6.3)
      return "6.3"
    #elseif compiler(>=6.2)
      return "6.2"
    #else
      return "6.1 or earlier"
    #endif
  }()
}
