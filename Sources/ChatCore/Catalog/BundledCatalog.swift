import Foundation

/// The model catalog compiled into orchat, for the first start and offline use: OpenRouter's
/// `GET /models` of the date in `snapshot.fetchedAt`, reduced to the fields the app uses.
///
/// The data is Swift source (`BundledCatalog+Data.swift`, generated), not a SwiftPM resource:
/// a resource bundle must sit next to the binary, and a copied `orchat` would crash without
/// it.
public enum BundledCatalog {
  /// The decoded snapshot. The data is checked by `BundledCatalogTests`; failing to decode
  /// it is a build defect, not a runtime condition.
  public static let snapshot: CatalogSnapshot = {
    do {
      return try CatalogSnapshot.decode(Data(json.utf8))
    } catch {
      preconditionFailure("the bundled model catalog does not decode: \(error)")
    }
  }()

  /// Writes the Swift source holding `snapshot` (used by the test that regenerates it).
  /// - Parameter origin: Where the listing came from, for the header comment.
  static func source(for snapshot: CatalogSnapshot, origin: String) throws -> String {
    let json = String(decoding: try snapshot.encoded(), as: UTF8.self)
    precondition(!json.contains("\"##") && !json.contains("\\##"), "raw string delimiter in data")
    return """
      // swift-format-ignore-file
      // Generated from \(origin) by
      // `RECORD_BUNDLED_CATALOG=1 swift test --filter BundledCatalogTests`. Do not edit.

      extension BundledCatalog {
        /// `CatalogSnapshot` JSON, one model per line.
        static let json = ##\"\"\"
      \(json)\"\"\"##
      }

      """
  }
}
