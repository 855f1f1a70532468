#!/usr/bin/env python3
"""jpki-verify from Python through ctypes: the demo's documents verified with the C ABI.

    cargo build -p jpki-verify-ffi
    python3 examples/python/verify.py target/debug/libjpki_verify_ffi.so .

The first argument is the shared library, the second the repository root (for the
vectors). Exit status 0 when every verification ended as expected. ffi/tests/c_example.rs
runs it in `cargo test`.
"""

import ctypes
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# JpkiStatus and JpkiRevocation (include/jpki_verify.h).
OK, INVALID, INPUT, PANIC, NULL_ARGUMENT, TOO_LARGE = range(6)
REVOCATION_REQUIRE = 2
NOW = 1780358400  # 2026-06-02T00:00:00Z; the library has no clock.


class Buffer(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("len", ctypes.c_size_t)]


class Options(ctypes.Structure):
    _fields_ = [
        ("size", ctypes.c_size_t),
        ("time_unix", ctypes.c_int64),
        ("revocation", ctypes.c_uint32),
        ("sunset_table", ctypes.c_char_p),
        ("crls", ctypes.POINTER(Buffer)),
        ("crl_count", ctypes.c_size_t),
        ("crl_set", ctypes.c_void_p),
    ]


class Verifier:
    """Owns a trust store; the reports (library-owned strings) are freed after decoding."""

    def __init__(self, lib_path, anchor_pem):
        lib = ctypes.CDLL(str(lib_path))
        c_str_p = ctypes.POINTER(ctypes.c_char)
        lib.jpki_version.restype = ctypes.c_char_p
        lib.jpki_string_free.argtypes = [c_str_p]
        lib.jpki_trust_store_new.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p),
            ctypes.POINTER(c_str_p)]
        lib.jpki_trust_store_free.argtypes = [ctypes.c_void_p]
        lib.jpki_verify_cms.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
            ctypes.POINTER(Buffer), ctypes.c_size_t, ctypes.c_char_p, ctypes.POINTER(Options),
            ctypes.POINTER(c_str_p)]
        lib.jpki_verify_chain.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(Buffer),
            ctypes.c_size_t, ctypes.POINTER(Options), ctypes.POINTER(c_str_p)]
        for name in ("jpki_trust_store_new", "jpki_verify_cms", "jpki_verify_chain"):
            getattr(lib, name).restype = ctypes.c_int
        self.lib = lib
        self.store = ctypes.c_void_p()
        status, report = self._call(lib.jpki_trust_store_new, anchor_pem, len(anchor_pem),
                                    ctypes.byref(self.store))
        if status != OK:
            raise RuntimeError(report)

    def _call(self, function, *args):
        out = ctypes.POINTER(ctypes.c_char)()
        status = function(*args, ctypes.byref(out))
        report = json.loads(ctypes.string_at(out).decode()) if out else None
        self.lib.jpki_string_free(out)
        return status, report

    def options(self, crls):
        self._crl_bytes = [ctypes.create_string_buffer(c, len(c)) for c in crls]
        array = (Buffer * len(crls))(*[
            Buffer(ctypes.cast(b, ctypes.c_void_p), len(c)) for b, c in zip(self._crl_bytes, crls)])
        self._crl_array = array  # kept alive as long as the options
        return Options(ctypes.sizeof(Options), NOW, REVOCATION_REQUIRE, None, array, len(crls), None)

    def cms(self, document, options, content=None):
        return self._call(self.lib.jpki_verify_cms, self.store, document, len(document),
                          content, len(content or b""), None, 0, b"all", ctypes.byref(options))

    def chain(self, leaf, options):
        return self._call(self.lib.jpki_verify_chain, self.store, leaf, len(leaf), None, 0,
                          ctypes.byref(options))

    def close(self):
        self.lib.jpki_trust_store_free(self.store)


def main():
    lib_path, root = Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else ".")
    mw, cms = root / "vectors/migration-world", root / "vectors/cms"
    verifier = Verifier(lib_path, (mw / "certs/sign-root-gen3-rsa.pem").read_bytes())
    print("jpki-verify", verifier.lib.jpki_version().decode())
    options = verifier.options([(mw / "crls/sign-gen3-20260601.crl.der").read_bytes()])
    failures = 0

    def expect(what, result, expected, kind=None):
        nonlocal failures
        status, report = result
        ok = status == expected and (kind is None or report["error"]["kind"] == kind)
        print(f"{what}: status {status} (expected {expected}) {json.dumps(report)[:160]}")
        failures += 0 if ok else 1

    attached = (cms / "signed/rsa-card-attached.der").read_bytes()
    expect("cms rsa-card-attached", verifier.cms(attached, options), OK)
    expect("cms rsa-card-modified-content",
           verifier.cms((cms / "signed/rsa-card-modified-content.der").read_bytes(), options),
           INVALID, "cms-message-digest-mismatch")
    detached = (cms / "signed/rsa-card-detached.der").read_bytes()
    expect("cms rsa-card-detached",
           verifier.cms(detached, options, (cms / "content.txt").read_bytes()), OK)
    expect("cms rsa-card-detached, content modified",
           verifier.cms(detached, options, (cms / "content-modified.txt").read_bytes()),
           INVALID, "cms-message-digest-mismatch")
    expect("chain rsa-card-sign-gen3",
           verifier.chain((mw / "certs/sign-leaf-rsa-card.pem").read_bytes(), options), OK)
    expect("chain revoked-leaf",
           verifier.chain((mw / "certs/sign-leaf-revoked-gen3.pem").read_bytes(), options),
           INVALID, "revoked")

    # ctypes releases the GIL during each call: the threads verify in parallel.
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(lambda _: verifier.cms(attached, options)[0], range(40)))
    expect("40 documents on 4 threads", (max(statuses), None), OK)

    verifier.close()
    print("all as expected" if failures == 0 else f"FAILED: {failures}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
