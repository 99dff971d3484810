/// The body the stub serves for `GET /models`: ten entries with real ids, prices, context
/// lengths and modalities (including `openrouter/auto`, whose `"-1"` prices mean "variable"),
/// and `stub/oddities`, made up to carry the nullable fields and unknown keys a decoder must
/// accept. The descriptions are written for the tests.
///
/// The data is `Resources/stub-models.json`, embedded at build time.
public enum StubCatalog {
  public static let json = String(decoding: PackageResources.stub_models_json, as: UTF8.self)
}
