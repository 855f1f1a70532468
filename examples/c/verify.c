/*
 * jpki-verify from C: the demo's documents and chains (vectors/migration-world and
 * vectors/cms), verified through the C ABI, with the expected status of each asserted.
 *
 * Build (from the repository root; ffi/tests/c_example.rs does this in `cargo test`):
 *   cargo build -p jpki-verify-ffi
 *   cc -std=c11 -Wall -Wextra -Werror -pthread -I ffi/include examples/c/verify.c \
 *      target/debug/libjpki_verify_ffi.a -lpthread -ldl -lm -o verify
 *   ./verify .            # the argument is the repository root (for the vectors)
 *
 * Exit status 0 when every verification ended as expected.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jpki_verify.h"

/* 2026-06-02T00:00:00Z: the vectors' "now" (the library has no clock). */
#define NOW 1780358400
/* 2026-12-02T13:52:26Z: five minutes after vectors/ocsp's responses were made (its
 * manifest.json), inside their validity. */
#define OCSP_NOW 1796219546
#define THREADS 4
#define ROUNDS 25

static const char *root;
static int failures;

typedef struct {
    uint8_t *data;
    size_t len;
} File;

static File load(const char *relative) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, relative);
    File f = {NULL, 0};
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        perror(path);
        exit(2);
    }
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    f.data = malloc(size > 0 ? (size_t)size : 1);
    f.len = fread(f.data, 1, (size_t)size, fp);
    fclose(fp);
    return f;
}

/* Prints the report (owned by the library: freed here) and checks the status. */
static void expect(const char *what, JpkiStatus status, JpkiStatus expected, char *json) {
    printf("%s: status %d (expected %d)\n  %s\n", what, (int)status, (int)expected,
           json != NULL ? json : "(no report)");
    jpki_string_free(json);
    if (status != expected) {
        fprintf(stderr, "FAIL: %s\n", what);
        failures++;
    }
}

static JpkiOptions options_with(const JpkiBuffer *crls, size_t crl_count) {
    JpkiOptions options;
    memset(&options, 0, sizeof options);
    options.size = sizeof options;
    options.time_unix = NOW;
    options.revocation = JPKI_REVOCATION_REQUIRE;
    options.crls = crls;
    options.crl_count = crl_count;
    return options;
}

/* Shared by the worker threads: one store, one document, one set of options. */
typedef struct {
    const JpkiTrustStore *store;
    File doc;
    const JpkiOptions *options;
    int failed;
} Work;

static void *worker(void *arg) {
    Work *work = arg;
    for (int i = 0; i < ROUNDS; i++) {
        /* No report wanted: out_json may be NULL. */
        JpkiStatus status = jpki_verify_cms(work->store, work->doc.data, work->doc.len, NULL, 0,
                                            NULL, 0, "all", work->options, NULL);
        if (status != JPKI_STATUS_OK) {
            work->failed = 1;
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    root = argc > 1 ? argv[1] : ".";
    printf("jpki-verify %s\n", jpki_version());

    /* One trust store for the whole program: the gen3 RSA signing root. */
    File anchor = load("vectors/migration-world/certs/sign-root-gen3-rsa.pem");
    JpkiTrustStore *store = NULL;
    char *json = NULL;
    JpkiStatus status = jpki_trust_store_new(anchor.data, anchor.len, &store, &json);
    expect("trust store", status, JPKI_STATUS_OK, json);
    if (store == NULL) {
        return 1;
    }

    File crl = load("vectors/migration-world/crls/sign-gen3-20260601.crl.der");
    JpkiBuffer crls[1] = {{crl.data, crl.len}};
    JpkiOptions options = options_with(crls, 1);

    /* A document signed with the RSA card, its content attached: valid. */
    File doc = load("vectors/cms/signed/rsa-card-attached.der");
    status = jpki_verify_cms(store, doc.data, doc.len, NULL, 0, NULL, 0, "all", &options, &json);
    expect("cms rsa-card-attached", status, JPKI_STATUS_OK, json);

    /* The same document with its content replaced after signing: invalid. */
    File tampered = load("vectors/cms/signed/rsa-card-modified-content.der");
    status = jpki_verify_cms(store, tampered.data, tampered.len, NULL, 0, NULL, 0, "all",
                             &options, &json);
    expect("cms rsa-card-modified-content", status, JPKI_STATUS_INVALID, json);

    /* Detached: the right content, then modified content. */
    File detached = load("vectors/cms/signed/rsa-card-detached.der");
    File content = load("vectors/cms/content.txt");
    File modified = load("vectors/cms/content-modified.txt");
    status = jpki_verify_cms(store, detached.data, detached.len, content.data, content.len, NULL,
                             0, NULL, &options, &json);
    expect("cms rsa-card-detached", status, JPKI_STATUS_OK, json);
    status = jpki_verify_cms(store, detached.data, detached.len, modified.data, modified.len,
                             NULL, 0, NULL, &options, &json);
    expect("cms rsa-card-detached, content modified", status, JPKI_STATUS_INVALID, json);

    /* A signer whose certificate is revoked: invalid. */
    File revoked_doc = load("vectors/cms/signed/revoked-leaf.der");
    status = jpki_verify_cms(store, revoked_doc.data, revoked_doc.len, NULL, 0, NULL, 0, "all",
                             &options, &json);
    expect("cms revoked-leaf", status, JPKI_STATUS_INVALID, json);

    /* Chains (manifest: rsa-card-sign-gen3 valid, revoked-leaf invalid). */
    File leaf = load("vectors/migration-world/certs/sign-leaf-rsa-card.pem");
    status = jpki_verify_chain(store, leaf.data, leaf.len, NULL, 0, &options, &json);
    expect("chain rsa-card-sign-gen3", status, JPKI_STATUS_OK, json);
    File revoked = load("vectors/migration-world/certs/sign-leaf-revoked-gen3.pem");
    status = jpki_verify_chain(store, revoked.data, revoked.len, NULL, 0, &options, &json);
    expect("chain revoked-leaf", status, JPKI_STATUS_INVALID, json);

    /* Revocation from an OCSP response alone (vectors/ocsp): required, and answered. */
    File ocsp_ca = load("vectors/ocsp/ca.der");
    JpkiTrustStore *ocsp_store = NULL;
    status = jpki_trust_store_new(ocsp_ca.data, ocsp_ca.len, &ocsp_store, &json);
    expect("trust store ocsp", status, JPKI_STATUS_OK, json);
    File ocsp_leaf = load("vectors/ocsp/leaf.der");
    File response = load("vectors/ocsp/good-delegated.der");
    JpkiBuffer responses[1] = {{response.data, response.len}};
    JpkiOptions ocsp_options = options_with(NULL, 0);
    ocsp_options.time_unix = OCSP_NOW;
    ocsp_options.ocsp = responses;
    ocsp_options.ocsp_count = 1;
    status = jpki_verify_chain(ocsp_store, ocsp_leaf.data, ocsp_leaf.len, NULL, 0, &ocsp_options,
                               &json);
    expect("chain ocsp leaf", status, JPKI_STATUS_OK, json);
    jpki_trust_store_free(ocsp_store);

    /* Garbage and a NULL argument. */
    status = jpki_verify_cms(store, (const uint8_t *)"garbage", 7, NULL, 0, NULL, 0, NULL,
                             &options, &json);
    expect("cms garbage", status, JPKI_STATUS_INVALID, json);
    status = jpki_verify_chain(store, NULL, 0, NULL, 0, &options, &json);
    expect("chain NULL leaf", status, JPKI_STATUS_NULL_ARGUMENT, json);

    /* A raw signature with a prepared key. */
    File spki = load("vectors/keys/p384.spki.der");
    File message = load("vectors/keys/message.txt");
    File signature = load("vectors/keys/ecdsa-p384-sha384.sig");
    JpkiPreparedKey *key = NULL;
    status = jpki_prepared_key_new(spki.data, spki.len, &key, &json);
    expect("prepared key p384", status, JPKI_STATUS_OK, json);
    status = jpki_verify_signature(key, "ecdsa-p384-sha384", message.data, message.len,
                                   signature.data, signature.len, &json);
    expect("signature ecdsa-p384-sha384", status, JPKI_STATUS_OK, json);
    signature.data[signature.len / 2] ^= 1;
    status = jpki_verify_signature(key, "ecdsa-p384-sha384", message.data, message.len,
                                   signature.data, signature.len, &json);
    expect("signature corrupted", status, JPKI_STATUS_INVALID, json);
    jpki_prepared_key_free(key);

    /* Several threads share the store, the CRLs parsed once (a JpkiCrlSet, as a service
     * would keep them between refreshes) and the options. */
    JpkiCrlSet *crl_set = NULL;
    status = jpki_crl_set_new(crls, 1, &crl_set, &json);
    expect("crl set", status, JPKI_STATUS_OK, json);
    JpkiOptions shared = options_with(NULL, 0);
    shared.crl_set = crl_set;
    pthread_t threads[THREADS];
    Work work[THREADS];
    for (int i = 0; i < THREADS; i++) {
        work[i] = (Work){store, doc, &shared, 0};
        pthread_create(&threads[i], NULL, worker, &work[i]);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        if (work[i].failed) {
            fprintf(stderr, "FAIL: thread %d\n", i);
            failures++;
        }
    }
    printf("%d threads x %d verifications of one document: %s\n", THREADS, ROUNDS,
           failures == 0 ? "all OK" : "failures");

    /* The handles outlive every verification that uses them. */
    jpki_crl_set_free(crl_set);
    jpki_trust_store_free(store);
    File files[] = {anchor, crl, doc, tampered, detached, content, modified, revoked_doc,
                    leaf, revoked, spki, message, signature, ocsp_ca, ocsp_leaf, response};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        free(files[i].data);
    }
    printf("%s\n", failures == 0 ? "all as expected" : "FAILED");
    return failures == 0 ? 0 : 1;
}
