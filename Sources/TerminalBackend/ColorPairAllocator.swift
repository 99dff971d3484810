/// Hands out ncurses colour-pair numbers for (foreground, background) combinations, on
/// first use.
///
/// Pair 0 is ncurses' fixed default/default pair and is returned for (-1, -1) without
/// allocating. Numbers then count up from 1. Pairs above 255 must be set up with
/// `init_extended_pair` (the short-typed `init_pair` cannot name them); `Allocation`
/// says which.
///
/// **Invariants:** a combination keeps its number for the allocator's lifetime; numbers
/// are unique and below `capacity`. When every number is taken, new combinations get pair
/// 0 (the text stays readable, in the terminal's colours).
public struct ColorPairAllocator: Sendable {
  public struct Colors: Sendable, Hashable {
    public var foreground: Int32
    public var background: Int32

    public init(foreground: Int32, background: Int32) {
      self.foreground = foreground
      self.background = background
    }
  }

  public struct Allocation: Sendable, Hashable {
    public var number: Int32
    /// True the first time a combination is seen: the caller must initialise the pair.
    public var isNew: Bool
    /// Whether the pair needs `init_extended_pair` (numbers above 255).
    public var isExtended: Bool { number > 255 }
  }

  /// `COLOR_PAIRS`: the number of pairs the terminal supports, pair 0 included.
  public let capacity: Int
  private var numbers: [Colors: Int32] = [:]

  public init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// How many pairs have been handed out (pair 0 not counted).
  public var allocatedCount: Int { numbers.count }

  /// The pair for `colors`, allocating it when new.
  public mutating func pair(for colors: Colors) -> Allocation {
    if colors.foreground == -1, colors.background == -1 {
      return Allocation(number: 0, isNew: false)
    }
    if let number = numbers[colors] { return Allocation(number: number, isNew: false) }
    let next = numbers.count + 1
    guard next < capacity else { return Allocation(number: 0, isNew: false) }
    numbers[colors] = Int32(next)
    return Allocation(number: Int32(next), isNew: true)
  }
}
