import ChatDomain
import ChatUI

/// Remembers the cells that recent frames drew for laid-out lines, so a line that is still
/// on screen is copied into the next frame instead of being drawn again.
///
/// A line is recognised by the storage of its span arrays, not by comparing its text:
/// looking it up costs the same for any line. That is sound because the cache keeps the
/// arrays it saw alive: while it holds one, no other array can have the same storage, and
/// that storage cannot change (a copy-on-write array shared with the cache is copied
/// before it is written). Lines are immutable once laid out, so in practice every line
/// above the one streaming is a hit.
///
/// Entries live for two generations of `capacity` lookups (a few frames): memory stays
/// bounded however long the transcript is. Owned by whoever renders frames, on one thread.
public final class LineRowCache {
  struct Key: Hashable {
    var spans: UnsafeRawPointer?
    var spanCount: Int
    var prefix: UnsafeRawPointer?
    var prefixCount: Int
    var kind: StyledLine.Kind
    var lineWidth: Int
    var rowWidth: Int
    var codeOffset: Int
    var background: StyleRole

    /// The storage addresses alone tell lines apart; the other fields only make equality
    /// exact, so they are left out of the hash (the code header's label is a string).
    func hash(into hasher: inout Hasher) {
      hasher.combine(spans)
      hasher.combine(prefix)
      hasher.combine(rowWidth &+ spanCount &* 31 &+ codeOffset &* 1009)
    }
  }

  struct Entry {
    /// Kept so their storage stays theirs (see above).
    var spans: [StyledSpan]
    var prefix: [StyledSpan]
    var cells: [Cell]
  }

  private let capacity: Int
  // One thread owns the cache (see above): skip the runtime's exclusivity checks, which
  // cost more than the lookups here.
  @exclusivity(unchecked) private var current: [Key: Entry] = [:]
  @exclusivity(unchecked) private var previous: [Key: Entry] = [:]
  public private(set) var hits = 0
  public private(set) var misses = 0

  public init(capacity: Int = 256) {
    self.capacity = max(1, capacity)
  }

  static func key(
    for line: StyledLine, rowWidth: Int, codeOffset: Int, background: StyleRole
  ) -> Key {
    Key(
      spans: line.spans.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
      spanCount: line.spans.count,
      prefix: line.prefix.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
      prefixCount: line.prefix.count, kind: line.kind, lineWidth: line.width,
      rowWidth: rowWidth, codeOffset: codeOffset, background: background)
  }

  /// The cells drawn for `key`, if a recent frame drew them.
  func cells(for key: Key) -> [Cell]? {
    if let entry = current[key] {
      hits += 1
      return entry.cells
    }
    if let entry = previous.removeValue(forKey: key) {
      hits += 1
      insert(entry, for: key)
      return entry.cells
    }
    misses += 1
    return nil
  }

  func store(_ cells: [Cell], for key: Key, line: StyledLine) {
    insert(Entry(spans: line.spans, prefix: line.prefix, cells: cells), for: key)
  }

  private func insert(_ entry: Entry, for key: Key) {
    if current.count >= capacity {
      previous = current
      current = [:]
      current.reserveCapacity(capacity)
    }
    current[key] = entry
  }
}
