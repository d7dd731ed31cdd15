"""The files a reader downloads, read back as a reader's tools would."""

import io

import numpy as np
import pandas as pd

from jaccore import downloads


def test_jacobian_csv_is_the_flat_jacobian_with_its_index_map():
    # The notebook's jacobian_A for C = A·B with B = [[5, 6], [7, 8]].
    jacobian = np.array([[[[5, 7], [0, 0]], [[6, 8], [0, 0]]], [[[0, 0], [5, 7]], [[0, 0], [6, 8]]]], np.float32)
    table = pd.read_csv(io.BytesIO(downloads.jacobian_csv(jacobian, (2, 2), "C", "A")), index_col=0)
    assert table.loc["C[0,1]", "A[0,0]"] == 6 and table.shape == (4, 4)
    assert list(table.columns) == ["A[0,0]", "A[0,1]", "A[1,0]", "A[1,1]"]


def test_array_csv_and_npy_of_any_rank():
    table = pd.read_csv(io.BytesIO(downloads.array_csv(np.array(4.0), "a")), index_col=0)
    assert table.loc["a", "value"] == 4
    gradient = np.array([[11.0, 15.0], [11.0, 15.0]], np.float32)
    loaded = np.load(io.BytesIO(downloads.npy_bytes(gradient)))
    assert loaded.dtype == np.float32 and np.array_equal(loaded, gradient)
