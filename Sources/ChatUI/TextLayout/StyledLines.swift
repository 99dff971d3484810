/// The lines of a layout as one collection: the cached lines of finished text followed by
/// the lines of the part still open. Cheap to make and to copy (two shared arrays), so a
/// layout can hand out its lines without concatenating them.
public struct StyledLines: RandomAccessCollection, Sendable, Equatable {
  private let stable: [StyledLine]
  private let open: [StyledLine]

  public init(stable: [StyledLine], open: [StyledLine]) {
    self.stable = stable
    self.open = open
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { stable.count + open.count }

  public subscript(position: Int) -> StyledLine {
    position < stable.count ? stable[position] : open[position - stable.count]
  }

  public static func == (lhs: StyledLines, rhs: StyledLines) -> Bool {
    lhs.elementsEqual(rhs)
  }
}
