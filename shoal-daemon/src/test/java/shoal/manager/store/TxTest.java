package shoal.manager.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shoal.manager.store.Objects.batch;
import static shoal.manager.store.Objects.create;
import static shoal.manager.store.Objects.node;
import static shoal.manager.store.Objects.service;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shoal.manager.store.objects.NodeObject;

class TxTest {
  private final StoreState state = new StoreState();

  @BeforeEach
  void storeHoldsOneNodeAndOneService() {
    state.apply(batch(create(node("n1")), create(service("s1", "web"))), 4);
  }

  @Test
  void readsSeeTheTransactionsOwnWrites() {
    Tx tx = new Tx(state, true);

    tx.nodes().create(node("n2"));
    tx.nodes().delete("n1");

    assertThat(tx.nodes().list()).extracting(NodeObject::id).containsExactly("n2");
    assertThat(tx.nodes().find("n1")).isEmpty();
  }

  @Test
  void anObjectCreatedThenChangedInOneTransactionIsOneCreate() {
    Tx tx = new Tx(state, true);
    tx.nodes().create(node("n2"));
    NodeObject staged = tx.nodes().get("n2");

    tx.nodes().update(staged.withSpec(staged.spec().withName("later")));

    assertThat(tx.actions()).singleElement().satisfies(a -> {
      assertThat(a.op()).isEqualTo(Action.Op.CREATE);
      assertThat(((NodeObject) a.object()).spec().name()).isEqualTo("later");
    });
  }

  @Test
  void anObjectCreatedThenDeletedInOneTransactionWritesNothing() {
    Tx tx = new Tx(state, true);
    tx.nodes().create(node("n2"));
    tx.nodes().delete("n2");

    assertThat(tx.actions()).isEmpty();
  }

  @Test
  void updatesCarryTheVersionTheTransactionRead() {
    Tx tx = new Tx(state, true);
    NodeObject n1 = tx.nodes().get("n1");
    tx.nodes().update(n1.withSpec(n1.spec().withName("a")));
    tx.nodes().update(tx.nodes().get("n1").withSpec(n1.spec().withName("b")));

    assertThat(tx.actions()).singleElement().satisfies(a -> {
      assertThat(a.op()).isEqualTo(Action.Op.UPDATE);
      assertThat(a.expectedVersion()).isEqualTo(4);
    });
  }

  @Test
  void writesThatCannotFitFailAtOnceWithTheirException() {
    Tx tx = new Tx(state, true);
    NodeObject stale = node("n1").withMeta(new shoal.manager.store.objects.Meta(3, null, null));

    assertThatThrownBy(() -> tx.nodes().create(node("n1")))
        .isInstanceOf(AlreadyExistsException.class).hasMessage("node n1 already exists");
    assertThatThrownBy(() -> tx.services().create(service("s2", "Web")))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("service name \"Web\" is already in use");
    assertThatThrownBy(() -> tx.nodes().update(stale))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> tx.nodes().delete("n9"))
        .isInstanceOf(NotFoundException.class).hasMessage("node n9 not found");
    assertThat(tx.actions()).isEmpty();
  }

  @Test
  void aNameGivenUpInTheTransactionIsFreeInIt() {
    Tx tx = new Tx(state, true);
    tx.services().delete("s1");

    tx.services().create(service("s2", "web"));

    assertThat(tx.services().byName("WEB")).get().extracting(s -> s.id()).isEqualTo("s2");
  }

  @Test
  void aViewCannotWrite() {
    Tx view = new Tx(state, false);

    assertThatThrownBy(() -> view.nodes().create(node("n2")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> view.nodes().delete("n1"))
        .isInstanceOf(IllegalStateException.class);
  }
}
