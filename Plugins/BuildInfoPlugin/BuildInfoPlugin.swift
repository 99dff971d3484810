import Foundation
import PackagePlugin

/// Stamps the `BuildInfo` target with the git commit the package is built from.
///
/// A prebuild command runs `Scripts/build-info.sh` at the start of every build: it asks git
/// for `HEAD` and writes `BuildInfo+Commit.swift` only when the text changed, so a build
/// without a new commit compiles nothing again. Without git, outside a checkout, or in a
/// checkout that is not this package's own, the script writes `nil` and the build goes on.
@main
struct BuildInfoPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let package = context.package.directoryURL
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
    return [
      .prebuildCommand(
        displayName: "Stamping \(target.name) with the git commit",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [
          package.appendingPathComponent("Scripts/build-info.sh").path, package.path, output.path,
        ],
        outputFilesDirectory: output)
    ]
  }
}
