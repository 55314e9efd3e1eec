/// Facts about this build of Termlint.
public enum Termlint {
  /// The version.
  public static let version = "0.1.0"
  /// Where to read more.
  public static let informationURI = "https://github.com/termlint/termlint"
}
