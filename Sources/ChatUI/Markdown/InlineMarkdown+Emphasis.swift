extension InlineMarkdown {
  /// Matches delimiter runs into emphasis (one character) and strong (two) ranges, the
  /// way CommonMark's "process emphasis" does without the rule of three: each closer takes
  /// the nearest compatible opener, and openers between the two can no longer match.
  /// Tokens inside a matched range have their `strong` or `emphasis` depth raised; the
  /// characters a run did not use stay in the token as literal text.
  static func resolveEmphasis(_ tokens: inout [InlineToken]) {
    var openers: [Int] = []
    for closer in tokens.indices {
      guard case .delimiter(let character) = tokens[closer].kind else { continue }
      if tokens[closer].canClose {
        while tokens[closer].count > 0,
          let stackIndex = openers.lastIndex(where: { isOpener($0, for: character, in: tokens) })
        {
          let opener = openers[stackIndex]
          let used = min(tokens[opener].count, tokens[closer].count) >= 2 ? 2 : 1
          tokens[opener].count -= used
          tokens[closer].count -= used
          for inner in (opener + 1)..<closer {
            if used == 2 { tokens[inner].strong += 1 } else { tokens[inner].emphasis += 1 }
          }
          openers.removeSubrange((stackIndex + 1)...)
          if tokens[opener].count == 0 { openers.remove(at: stackIndex) }
        }
      }
      if tokens[closer].count > 0, tokens[closer].canOpen { openers.append(closer) }
    }
  }

  private static func isOpener(_ index: Int, for character: Character, in tokens: [InlineToken])
    -> Bool
  {
    guard case .delimiter(let candidate) = tokens[index].kind else { return false }
    return candidate == character && tokens[index].count > 0
  }
}
