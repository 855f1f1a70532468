#!/usr/bin/env bash
# The libFuzzer dictionary of a fuzz target (path relative to fuzz/).
case "${1:?target}" in
  sunset_table) echo dict/toml.dict ;;
  *) echo dict/der.dict ;;
esac
