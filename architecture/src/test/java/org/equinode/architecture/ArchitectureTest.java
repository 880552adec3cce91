package org.equinode.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The room rules of DESIGN.md that Maven's module graph cannot express by itself: which packages
 * may use which libraries and JDK areas, and habits every module keeps (no static mutable state, no
 * wall-clock reads in logic). Maven already refuses an import of a module that is not a declared
 * dependency; these rules cover the rest.
 */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.equinode");
  }

  @Test
  void seesEveryModule() {
    // In a reactor build the other modules arrive as jars: make sure they were imported, or
    // every rule below would pass on nothing.
    assertThat(production.containPackage("org.equinode.common")).isTrue();
    assertThat(production.containPackage("org.equinode.crypto")).isTrue();
    assertThat(production.containPackage("org.equinode.store")).isTrue();
    assertThat(production.containPackage("org.equinode.chain")).isTrue();
    assertThat(production.containPackage("org.equinode.wallet")).isTrue();
    assertThat(production.containPackage("org.equinode.torrent.bencode")).isTrue();
    assertThat(production.containPackage("org.equinode.api")).isTrue();
    assertThat(production.containPackage("org.equinode.node")).isTrue();
    assertThat(production.containPackage("org.equinode.cli")).isTrue();
  }

  private static void check(ArchRule rule) {
    rule.allowEmptyShould(true).check(production);
  }

  @Test
  void commonUsesOnlyTheJdk() {
    check(
        classes()
            .that()
            .resideInAPackage("org.equinode.common..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.jspecify..", "org.equinode.common..")
            .because("common is the floor every module stands on"));
  }

  @Test
  void cryptoUsesOnlyCommonTheJdkAndBouncyCastle() {
    check(
        classes()
            .that()
            .resideInAPackage("org.equinode.crypto..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "java..",
                "javax.crypto..",
                "org.jspecify..",
                "org.bouncycastle..",
                "org.equinode.common..",
                "org.equinode.crypto.."));
  }

  @Test
  void theLedgerIsPure() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.equinode.chain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "java.net..",
                "java.nio.channels..",
                "java.nio.file..",
                "org.equinode.net..",
                "org.equinode.p2p..",
                "org.equinode.torrent..",
                "org.equinode.wallet..",
                "org.equinode.api..",
                "org.equinode.node..",
                "org.equinode.cli..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.io.File")
            .because(
                "chain is the ledger's pure rules: no sockets, no files, no knowledge of its"
                    + " callers; storage reaches it through the store interfaces"));
  }

  @Test
  void theTorrentEngineIsALibraryOfItsOwn() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.equinode.torrent..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.equinode.chain..",
                "org.equinode.wallet..",
                "org.equinode.net..",
                "org.equinode.p2p..",
                "org.equinode.api..",
                "org.equinode.node..",
                "org.equinode.cli.."));
  }

  @Test
  void transportKnowsNothingOfCoinsOrTorrents() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.equinode.net..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.equinode.chain..", "org.equinode.torrent..", "org.equinode.wallet.."));
  }

  @Test
  void onlyNetworkRoomsOpenSockets() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(
                "org.equinode.net..",
                "org.equinode.p2p..",
                "org.equinode.torrent.peer..",
                "org.equinode.torrent.tracker..",
                "org.equinode.torrent.dht..",
                "org.equinode.api..",
                "org.equinode.node..",
                "org.equinode.cli..")
            .should()
            .dependOnClassesThat()
            .haveNameMatching(
                "java\\.net\\.(Server|Datagram)?Socket"
                    + "|java\\.nio\\.channels\\.(Asynchronous)?(Server)?(Socket|Datagram)Channel"));
  }

  @Test
  void inTheDhtOnlyDhtSocketHoldsTheSocket() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.equinode.torrent.dht..")
            .and()
            .doNotHaveFullyQualifiedName("org.equinode.torrent.dht.DhtSocket")
            .should()
            .dependOnClassesThat()
            .haveNameMatching(
                "java\\.net\\.(Server|Datagram)?Socket|java\\.net\\.DatagramPacket"
                    + "|java\\.nio\\.channels\\.(Asynchronous)?(Server)?(Socket|Datagram)Channel")
            .because("the DHT's logic runs over DhtTransport; only DhtSocket does UDP I/O"));
  }

  @Test
  void nothingBelowTheCommandLineDependsOnIt() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("org.equinode.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.equinode.cli.."));
  }

  @Test
  void noStaticMutableState() {
    check(
        fields()
            .that()
            .areStatic()
            .and()
            .areDeclaredInClassesThat()
            .resideInAPackage("org.equinode..")
            .should()
            .beFinal()
            .because("many nodes live in one JVM: state belongs to objects, not classes"));
  }

  @Test
  void logicReadsTimeThroughTimeSource() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.equinode..")
            .and()
            .doNotHaveFullyQualifiedName("org.equinode.common.SystemTimeSource")
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .because("time is passed in, so tests control it (CONVENTIONS.md, 5)"));
  }
}
