/// A model found by a search, with what matched, for ranking and highlighting.
public struct ModelMatch: Sendable, Hashable, Identifiable {
  public enum Field: Sendable, Hashable {
    case id, name
  }

  public var model: ModelSummary
  /// Higher is better; 0 for an empty query.
  public var score: Int
  /// Which text matched best.
  public var field: Field
  /// Offsets of the matched characters in that text (Unicode scalars), ascending.
  public var positions: [Int]

  public var id: String { model.id }

  public init(model: ModelSummary, score: Int, field: Field, positions: [Int]) {
    self.model = model
    self.score = score
    self.field = field
    self.positions = positions
  }
}
