import ChatDomain
import Foundation

/// The model catalog built into orchat, for the first start and offline use: OpenRouter's
/// `GET /models` of the date in `snapshot.fetchedAt`, reduced to facts (ids, names, context
/// lengths, prices, modalities, capabilities, dates). Descriptions appear once a live
/// `orchat models --refresh` has cached the catalog.
///
/// The data is `Resources/bundled-models.json`, embedded into the binary at build time
/// (SwiftPM's `embedInCode`) and decoded at run time: an installed `orchat` is one file,
/// with no resource bundle to lose.
public enum BundledCatalog {
  /// The decoded snapshot. The data is checked by `BundledCatalogTests`; failing to decode
  /// it is a build defect, not a runtime condition.
  public static let snapshot: CatalogSnapshot = {
    do {
      return try CatalogSnapshot.decode(Data(PackageResources.bundled_models_json))
    } catch {
      preconditionFailure("the bundled model catalog does not decode: \(error)")
    }
  }()
}
