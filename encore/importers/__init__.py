"""Importers: other tools' token files as DTCG 2025.10 YAML.

`encore.importers.style_dictionary` reads Style Dictionary trees (legacy and 4+); its
type mapping is in `sd_types`, its value conversions in `sd_values`, and `yaml_out`
writes the result. Another importer adds a module here and a subcommand of
``encore import`` in `encore.cli_tooling`.
"""
