/// The names users give things in files and on the command line (agents, keybinding
/// actions): ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit, at
/// most 64 characters, so they are safe as file names and need no quoting in a shell.
public enum Identifier {
  public static func isValid(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    guard let first = scalars.first, scalars.count <= 64 else { return false }
    return isAlphanumeric(first)
      && scalars.allSatisfy { isAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
  }

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
