"""The digit classifier (jaccore/classifier.py): its data, its accuracy, and its input Jacobians against
independent oracles: central finite differences of the network in float64, the closed form of a
tanh layer, and softmax's Jacobian diag(p) − p·pᵀ, whose columns sum to zero."""

import numpy as np
import pytest

from dev.train_digits import SEED, held_out_accuracy, train
from jaccore.classifier import (
    HELD_OUT,
    TRAINED_ON,
    accuracy,
    classifier_jacobian,
    digit_classifier,
    digits,
    mistakes,
    read_batch,
    read_digit,
    reads,
)
from jaccore.engine import analyze, finite_difference_jacobian, off_diagonal_blocks
from tests.oracles import digit_label, digit_network, softmax, softmax_jacobian

SAMPLES = [0, 1, 500, 1500, 1796]  # two training images, three held out


def test_the_digits_are_the_8_by_8_set():
    images, labels = digits()
    assert images.shape == (1797, 8, 8) and images.dtype == np.float32 and labels.shape == (1797,)
    assert images.min() == 0 and images.max() == 1 and set(np.unique(images * 16)) <= set(range(17))
    assert np.bincount(labels).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert labels[:5].tolist() == [0, 1, 2, 3, 4] and not images.flags.writeable
    assert TRAINED_ON + len(labels[HELD_OUT]) == 1797 and len(labels[HELD_OUT]) == 360


def test_the_shipped_weights_score_as_stated_on_the_held_out_images():
    images, labels = digits()
    assert accuracy(digit_classifier(), images[HELD_OUT], labels[HELD_OUT]) == pytest.approx(345 / 360)
    assert accuracy(digit_classifier(), images[:TRAINED_ON], labels[:TRAINED_ON]) > 0.99


def closed_form(image: np.ndarray) -> np.ndarray:
    """∂logits/∂image, flat (10, 64), in float64 from the weights' file."""
    return digit_network(image)[1].reshape(10, 64)


@pytest.mark.parametrize("n", SAMPLES)
def test_the_logits_jacobian_matches_the_closed_form_and_finite_differences(n):
    image = digits()[0][n]
    jacobian = classifier_jacobian(image)
    assert jacobian.shape == (10, 8, 8)
    np.testing.assert_allclose(jacobian.reshape(10, 64), closed_form(image), rtol=1e-4, atol=1e-5)
    model = digit_classifier()
    fd = finite_difference_jacobian(model.image_logits, {"image": image}, "image")
    np.testing.assert_allclose(jacobian, fd, rtol=1e-3, atol=1e-4)


@pytest.mark.parametrize("n", SAMPLES)
def test_the_probabilities_jacobian_is_softmaxs_times_the_logits_and_sums_to_zero(n):
    image = digits()[0][n]
    logits = digit_classifier()(image[None]).numpy()[0].astype(np.float64)
    p = np.exp(logits - logits.max())
    p /= p.sum()
    expected = (np.diag(p) - np.outer(p, p)) @ closed_form(image)
    jacobian = classifier_jacobian(image, "probabilities")
    np.testing.assert_allclose(jacobian.reshape(10, 64), expected, atol=2e-6)
    # Σ_c p_c = 1: each pixel's ten partials cancel, so tape.gradient of the probabilities is zero.
    np.testing.assert_allclose(jacobian.sum(axis=0), 0, atol=1e-6)
    gradient = analyze(digit_classifier().outputs["probabilities"], {"image": image}, "image").gradient
    np.testing.assert_allclose(gradient, 0, atol=1e-6)


def test_an_unknown_output_is_refused():
    with pytest.raises(ValueError, match="logits"):
        classifier_jacobian(digits()[0][0], "softmax")


def test_the_training_script_reproduces_the_accuracy_from_its_seed():
    assert held_out_accuracy(train(SEED)) >= 0.95


@pytest.mark.parametrize(("n", "c"), [(1437, 2), (1573, 3), (325, 9)])
def test_a_reading_holds_every_gradient_of_the_page(n, c):
    """The slices' sum, one class's slice by a one-hot v, softmax's zero, and the gradients of p[c] and
    log p[c], each from its own tape, against the network's closed form."""
    image = digits()[0][n]
    logits, jacobian = digit_network(image)
    p = softmax(logits)
    e_c = np.eye(10)[c]
    reading = read_digit(image, c)
    assert reading.c == c and reading.predicted == int(np.argmax(logits)) == reads(image)
    np.testing.assert_allclose(reading.logits.gradient, jacobian.sum(axis=0), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(reading.saliency.gradient, jacobian[c], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(reading.probabilities.jacobian, softmax_jacobian(p, jacobian), atol=2e-6)
    np.testing.assert_allclose(reading.probabilities.gradient, 0, atol=1e-6)
    np.testing.assert_allclose(reading.of_probability.gradient, np.tensordot(p[c] * (e_c - p), jacobian, 1), atol=2e-6)
    np.testing.assert_allclose(reading.of_log_probability, np.tensordot(e_c - p, jacobian, 1), rtol=1e-4, atol=1e-5)
    assert reading.weighted("logits", "ones") is reading.logits
    assert reading.weighted("logits", "one_hot") is reading.saliency
    assert reading.weighted("probabilities", "one_hot") is reading.of_probability
    np.testing.assert_array_equal(reading.of_probability.upstream, e_c)


def test_the_mistakes_are_the_images_the_network_reads_wrong():
    wrong = mistakes()
    assert len(wrong[wrong >= TRAINED_ON]) == 360 - 345
    for n in range(0, 1797, 7):
        assert (n in wrong) == (int(np.argmax(digit_network(digits()[0][n])[0])) != digit_label(n))


def test_batch_jacobian_of_a_batch_is_each_images_own_jacobian():
    indices = np.array([1795, 1796, 0, 1])
    batch = read_batch(indices)
    assert batch.per_sample.shape == (4, 10, 8, 8) and batch.full.jacobian.shape == (4, 10, 4, 8, 8)
    for k, n in enumerate(indices):
        logits, jacobian = digit_network(digits()[0][n])
        np.testing.assert_allclose(batch.per_sample[k], jacobian, rtol=1e-4, atol=1e-5)
        np.testing.assert_allclose(batch.full.jacobian[k, :, k], jacobian, rtol=1e-4, atol=1e-5)
        assert batch.predicted[k] == int(np.argmax(logits))
    assert batch.across_samples == 0  # the samples do not interact: nothing off the diagonal blocks


def test_off_diagonal_blocks_keeps_only_what_one_sample_does_to_another():
    """(2, 3, 2, 8, 8) of ones: the blocks ∂logits[a]/∂images[b] with a ≠ b stay, the diagonal ones go."""
    off = off_diagonal_blocks(np.ones((2, 3, 2, 8, 8)), 2)
    assert off[0, :, 1].min() == off[1, :, 0].min() == 1 and off[0, :, 0].max() == off[1, :, 1].max() == 0
