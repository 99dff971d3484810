/// Fuzzy subsequence matching with fzf-style scores: every query character must appear in
/// order; matches at word starts and in runs score higher, gaps cost.
///
/// Works on lower-cased Unicode scalars; positions are scalar offsets into the text (equal
/// to character offsets for the ASCII ids and names of the catalog).
struct FuzzyMatcher: Sendable {
  /// A prepared text: lower-cased scalars and each position's bonus, computed once.
  struct Text: Sendable, Hashable {
    let scalars: [UInt32]
    let bonuses: [Int32]

    init(_ text: String) {
      let scalars = text.lowercased().unicodeScalars.map(\.value)
      self.scalars = scalars
      var bonuses = [Int32](repeating: 0, count: scalars.count)
      for index in scalars.indices {
        bonuses[index] = FuzzyMatcher.bonus(at: index, in: scalars)
      }
      self.bonuses = bonuses
    }
  }

  struct Match: Sendable, Hashable {
    var score: Int
    /// Scalar offsets of the matched characters, ascending.
    var positions: [Int]
  }

  static let matchScore: Int32 = 16
  static let gapStart: Int32 = 3
  static let gapExtension: Int32 = 1
  /// After a separator (`/ - . : _` or a space) or at the start.
  static let boundaryBonus: Int32 = 8
  /// A digit right after a letter (`gpt4`), a weaker word start.
  static let digitBonus: Int32 = 6
  static let consecutiveBonus: Int32 = 4
  /// `/ - . : _`, space, `(` and `~`: a word starts after them.
  private static let separators: Set<UInt32> = [0x2F, 0x2D, 0x2E, 0x3A, 0x5F, 0x20, 0x28, 0x7E]

  let query: [UInt32]

  /// `nil` for an empty query (which matches everything, unscored).
  init?(_ query: String) {
    let scalars = query.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }
    guard !scalars.isEmpty else { return nil }
    self.query = scalars.map(\.value)
  }

  private static func bonus(at index: Int, in scalars: [UInt32]) -> Int32 {
    guard index > 0 else { return boundaryBonus }
    let previous = scalars[index - 1]
    if separators.contains(previous) { return boundaryBonus }
    let digits: ClosedRange<UInt32> = 0x30...0x39
    if digits.contains(scalars[index]) && !digits.contains(previous) { return digitBonus }
    return 0
  }

  /// The best match of the query in `text`, or `nil` when it is not a subsequence.
  ///
  /// Dynamic programming over (query index, text index): `score[j]` is the best score with
  /// the current query character at `j`; a running maximum carries the best earlier match
  /// with its gap penalty, so each row is O(text length).
  func match(_ text: Text) -> Match? {
    let n = text.scalars.count
    let m = query.count
    guard m <= n, isSubsequence(of: text.scalars) else { return nil }
    let unreachable = Int32.min / 2
    var previous = [Int32](repeating: unreachable, count: n)
    var current = [Int32](repeating: unreachable, count: n)
    // `from[i * n + j]`: where query character i - 1 was matched when i is at j.
    var from = [Int32](repeating: -1, count: m * n)
    for i in 0..<m {
      var best = unreachable
      var bestIndex: Int32 = -1
      for j in 0..<n {
        // Candidates for the previous match with a gap: k ≤ j - 2.
        if i > 0 && j >= 2 {
          best = best == unreachable ? unreachable : best - Self.gapExtension
          let opened = previous[j - 2]
          if opened != unreachable && opened - Self.gapStart > best {
            best = opened - Self.gapStart
            bestIndex = Int32(j - 2)
          }
        }
        guard text.scalars[j] == query[i] else {
          current[j] = unreachable
          continue
        }
        let base = Self.matchScore + text.bonuses[j] * (i == 0 ? 2 : 1)
        if i == 0 {
          current[j] = base
          continue
        }
        var score = unreachable
        if j >= 1 && previous[j - 1] != unreachable {
          score = previous[j - 1] + Self.consecutiveBonus
          from[i * n + j] = Int32(j - 1)
        }
        if best != unreachable && best > score {
          score = best
          from[i * n + j] = bestIndex
        }
        current[j] = score == unreachable ? unreachable : score + base
      }
      swap(&previous, &current)
    }
    guard let end = previous.indices.max(by: { previous[$0] < previous[$1] }),
      previous[end] != unreachable
    else { return nil }
    var positions = [end]
    var i = m - 1
    while i > 0 {
      positions.append(Int(from[i * n + positions[positions.count - 1]]))
      i -= 1
    }
    return Match(score: Int(previous[end]), positions: positions.reversed())
  }

  private func isSubsequence(of scalars: [UInt32]) -> Bool {
    var index = 0
    for scalar in scalars where scalar == query[index] {
      index += 1
      if index == query.count { return true }
    }
    return false
  }
}
