#!/usr/bin/env python3
"""The Python side of nma-go's bench-compare: the course's algorithms, timed.

Each workload function mirrors the Neuromatch Academy 2021 course code it names (Week 2,
tutorials at course-content 0dcfd5c), with the course's parameters; the harness passes the
sizes as JSON so that both sides run the same workload. The function builds its inputs
(untimed) and returns the call to time, which returns the check values the harness compares
with the Go side's.

Usage: bench.py WORKLOAD --params JSON --data DIR --threads N   (prints one BENCHCMP line)
       bench.py --info                                          (versions, BLAS, threads)
"""

import argparse
import gc
import json
import math
import os
import sys
import time

import numpy as np

torch = None  # imported by the W2D1 workloads only
nn = None
optim = None


def import_torch(threads):
    global torch, nn, optim
    import torch as _torch
    torch = _torch
    nn = torch.nn
    optim = torch.optim
    torch.set_num_threads(threads)


def load(data, name):
    return np.load(os.path.join(data, name + ".npy"))


def load_init(net, data, name):
    """Replace torch's initial weights by the shared ones (nma-go's, from the course's seeds)."""
    params = list(net.parameters())
    with open(os.path.join(data, "manifest.json")) as f:
        n = int(json.load(f)["inits"][name])
    if n != len(params):
        raise SystemExit(f"init_{name}: {n} parameter files, the network has {len(params)} parameters")
    with torch.no_grad():
        for i, p in enumerate(params):
            a = load(data, f"init_{name}_{i}")
            if a.size != p.numel():
                raise SystemExit(f"init_{name}_{i}: shape {a.shape}, parameter {i} has shape {tuple(p.shape)}")
            p.copy_(torch.from_numpy(a.reshape(tuple(p.shape))))


def check_neurons(x, p):
    if x.shape[1] != int(p["neurons"]):
        raise SystemExit(f"the W2D1 inputs have {x.shape[1]} neurons, the parameters say {int(p['neurons'])}")


# ---------------------------------------------------------------- W2D1 Tutorial 1

def w2d1_t1_relu(p, data):
    class DeepNetReLU(nn.Module):  # mirrors W2D1 T1 DeepNetReLU (solution of Exercise 2.2)
        def __init__(self, n_inputs, n_hidden):
            super().__init__()
            self.in_layer = nn.Linear(n_inputs, n_hidden)
            self.out_layer = nn.Linear(n_hidden, 1)

        def forward(self, r):
            h = torch.relu(self.in_layer(r))
            return self.out_layer(h)

    def train(net, loss_fn, train_data, train_labels, n_epochs=50, learning_rate=1e-4):
        # mirrors W2D1 T1 train (solution of Exercise 3.2): full-batch gradient descent
        optimizer = optim.SGD(net.parameters(), lr=learning_rate)
        train_loss = []
        for i in range(n_epochs):
            out = net(train_data)
            loss = loss_fn(out, train_labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            train_loss.append(loss.item())
            if (i + 1) % max(n_epochs // 5, 1) == 0:
                print(f'iteration {i + 1}/{n_epochs} | loss: {loss.item():.3f}')
        return train_loss

    x = torch.from_numpy(load(data, "resp_train"))
    y = torch.from_numpy(load(data, "stim_train"))
    check_neurons(x, p)
    net = DeepNetReLU(x.shape[1], int(p["hidden"]))
    load_init(net, data, "relu")

    def run():
        loss = train(net, nn.MSELoss(), x, y, n_epochs=int(p["epochs"]), learning_rate=p["lr"])
        return {"first_loss": loss[0], "final_loss": loss[-1]}
    return run


# ---------------------------------------------------------------- W2D1 Tutorial 4: decoding

def w2d1_t4_softmax(p, data):
    class DeepNetSoftmax(nn.Module):  # mirrors W2D1 T4 DeepNetSoftmax
        def __init__(self, n_inputs, n_hidden, n_classes):
            super().__init__()
            self.in_layer = nn.Linear(n_inputs, n_hidden)
            self.out_layer = nn.Linear(n_hidden, n_classes)
            self.logprob = nn.LogSoftmax(dim=1)

        def forward(self, r):
            h = torch.relu(self.in_layer(r))
            return self.logprob(self.out_layer(h))

    def stimulus_class(ori, n_classes):  # mirrors W2D1 T4 stimulus_class
        bins = np.linspace(0, 360, n_classes + 1)
        return torch.tensor(np.digitize(ori.squeeze(), bins)) - 1

    def train(net, loss_fn, train_data, train_labels, n_iter=50, learning_rate=1e-4,
              test_data=None, test_labels=None):
        # mirrors W2D1 T4 train (the extended one: test loss at every iteration; no penalty)
        optimizer = optim.SGD(net.parameters(), lr=learning_rate)
        train_loss, test_loss = [], []
        for i in range(n_iter):
            out = net(train_data)
            loss = loss_fn(out, train_labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            train_loss.append(loss.item())
            if test_data is not None:
                out_test = net(test_data)
                loss_test = loss_fn(out_test, test_labels)
                test_loss.append(loss_test.item())
            if (i + 1) % max(n_iter // 5, 1) == 0:
                print(f'iteration {i + 1}/{n_iter} | loss: {loss.item():.3f} | test_loss: {loss_test.item():.3f}')
        return train_loss, test_loss

    def decode_orientation(net, n_classes, loss_fn, train_data, train_labels, test_data, test_labels,
                           n_iter=1000):
        # mirrors W2D1 T4 decode_orientation (learning rate 0.1, argmax decoding of the test set)
        train_binned_labels = stimulus_class(train_labels, n_classes)
        test_binned_labels = stimulus_class(test_labels, n_classes)
        train_loss, test_loss = train(net, loss_fn, train_data, train_binned_labels,
                                      learning_rate=0.1, test_data=test_data,
                                      test_labels=test_binned_labels, n_iter=n_iter)
        out = net(test_data)
        out_labels = np.argmax(out.detach(), axis=1)
        frac_correct = (out_labels == test_binned_labels).sum() / len(test_binned_labels)
        print(f'>>> fraction correct = {frac_correct:.3f}')
        return train_loss, test_loss, out_labels, float(frac_correct)

    xtr = torch.from_numpy(load(data, "resp_train"))
    ytr = load(data, "stim_train")
    xte = torch.from_numpy(load(data, "resp_test"))
    yte = load(data, "stim_test")
    check_neurons(xtr, p)
    n_classes = int(p["classes"])
    net = DeepNetSoftmax(xtr.shape[1], int(p["hidden"]), n_classes)
    load_init(net, data, "softmax")

    def run():
        train_loss, test_loss, _, frac = decode_orientation(net, n_classes, nn.NLLLoss(), xtr, ytr, xte, yte,
                                                            n_iter=int(p["iters"]))
        return {"frac_correct": frac, "first_loss": train_loss[0], "final_loss": train_loss[-1],
                "test_loss": test_loss[-1]}
    return run


# ---------------------------------------------------------------- W2D1 Tutorial 3

def w2d1_t3_cnn(p, data):
    class CNN(nn.Module):  # mirrors W2D1 T3 CNN (the filters come with the shared initial weights)
        def __init__(self, h_in, w_in):
            super().__init__()
            C_in, C_out, K, Kpool = 1, 6, 7, 8
            self.conv = nn.Conv2d(C_in, C_out, kernel_size=K, padding=K // 2)
            self.pool = nn.MaxPool2d(Kpool)
            self.dims = (C_out, h_in // Kpool, w_in // Kpool)
            self.fc = nn.Linear(np.prod(self.dims), 10)
            self.out = nn.Linear(10, 1)

        def forward(self, x):
            x = x.unsqueeze(1)
            x = torch.relu(self.conv(x))
            x = self.pool(x)
            x = x.view(-1, np.prod(self.dims))
            x = torch.relu(self.fc(x))
            x = torch.sigmoid(self.out(x))
            return x

    def train(net, train_data, train_labels, n_epochs=25, learning_rate=0.0005, batch_size=100,
              momentum=.99, shuffle=None):
        # mirrors W2D1 T3 train: minibatch SGD with momentum on the BCE; the order of each epoch
        # is drawn with NumPy's permutation (as nma-go draws it) instead of torch.randperm
        loss_fn = nn.BCELoss()
        optimizer = optim.SGD(net.parameters(), lr=learning_rate, momentum=momentum)
        track_loss = []
        for i in range(n_epochs):
            ishuffle = torch.from_numpy(shuffle.permutation(train_data.shape[0]))
            minibatch_data = torch.split(train_data[ishuffle], batch_size)
            minibatch_labels = torch.split(train_labels[ishuffle], batch_size)
            for stimuli, tilt in zip(minibatch_data, minibatch_labels):
                out = net(stimuli)
                loss = loss_fn(out, tilt)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                track_loss.append(loss.item())
            if (i + 1) % max(n_epochs // 5, 1) == 0:
                print(f'epoch {i + 1} | loss on last mini-batch: {loss.item(): .2e}')
        print('training done!')
        return track_loss, len(minibatch_data)

    x = torch.from_numpy(load(data, "tilt_stimuli"))
    y = torch.from_numpy(load(data, "tilt_labels"))
    if x.shape[0] != int(p["tilt_n"]):
        raise SystemExit(f"the tilt set has {x.shape[0]} stimuli, the parameters say {int(p['tilt_n'])}")
    net = CNN(x.shape[1], x.shape[2])
    load_init(net, data, "cnn")

    def run():
        loss, nb = train(net, x, y, n_epochs=int(p["epochs"]), learning_rate=p["lr"], batch_size=int(p["batch"]),
                         momentum=p["momentum"], shuffle=np.random.RandomState(int(p["seed"])))
        return {"first_epoch_loss": float(np.mean(loss[:nb])), "last_loss": loss[-1]}
    return run


# ---------------------------------------------------------------- W2D1 Tutorial 4: encoding

def w2d1_t4_convfc(p, data):
    class ConvFC(nn.Module):  # mirrors W2D1 T4 ConvFC (solution of Exercise 3.2)
        def __init__(self, n_neurons, c_in=1, c_out=6, K=7, b=12 * 16):
            super().__init__()
            self.conv = nn.Conv2d(c_in, c_out, kernel_size=K, padding=K // 2, stride=1)
            self.dims = (c_out, b)
            M = np.prod(self.dims)
            self.out_layer = nn.Linear(M, n_neurons)

        def forward(self, s):
            a = self.conv(s)
            a = a.view(-1, np.prod(self.dims))
            return self.out_layer(a)

    def regularized_MSE_loss(output, target, weights=None, L2_penalty=0, L1_penalty=0):
        # mirrors W2D1 T4 regularized_MSE_loss
        loss_fn = nn.MSELoss()
        loss = loss_fn(output, target)
        if weights is not None:
            L2 = L2_penalty * torch.square(weights).sum()
            L1 = L1_penalty * torch.abs(weights).sum()
            loss += L1 + L2
        return loss

    def train(net, custom_loss, train_data, train_labels, test_data=None, test_labels=None,
              learning_rate=10, n_iter=500, L2_penalty=0., L1_penalty=0., test_every=None, stop_after=None):
        # mirrors W2D1 T4's encoding-model train (SGD with momentum 0.9, test loss at i = 0 and every
        # n_iter//10 iterations), stopped after stop_after of its n_iter iterations
        optimizer = optim.SGD(net.parameters(), lr=learning_rate, momentum=0.9)
        train_loss = np.nan * np.zeros(n_iter)
        test_loss = np.nan * np.zeros(n_iter)
        for i in range(stop_after):
            y_pred = net(train_data)
            weights = net.out_layer.weight
            loss = custom_loss(y_pred, train_labels, weights, L2_penalty, L1_penalty)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            train_loss[i] = loss.item()
            if (i + 1) % test_every == 0 or i == 0:
                y_pred = net(test_data)
                loss = custom_loss(y_pred, test_labels, weights, L2_penalty, L1_penalty)
                test_loss[i] = loss.item()
                print(f'iteration {i+1}/{n_iter} | train loss: {train_loss[i]:.4f} | test loss: {test_loss[i]:.4f}')
        return train_loss, test_loss

    s = torch.from_numpy(load(data, "enc_stimuli"))
    ytr = torch.from_numpy(load(data, "enc_train"))
    yte = torch.from_numpy(load(data, "enc_test"))
    check_neurons(ytr, p)
    net = ConvFC(ytr.shape[1], b=s.shape[2] * s.shape[3])
    load_init(net, data, "convfc")
    n = int(p["iters"])

    def run():
        train_loss, test_loss = train(net, regularized_MSE_loss, s, ytr, test_data=s, test_labels=yte,
                                      n_iter=200, learning_rate=p["lr"], L2_penalty=p["l2"], L1_penalty=p["l1"],
                                      test_every=int(p["test_every"]), stop_after=n)
        return {"first_loss": train_loss[0], "final_loss": train_loss[n - 1], "test_loss": test_loss[n - 1]}
    return run


# ---------------------------------------------------------------- W2D3: biological neuron models

def poisson_trains(rate, n, Lt, dt):
    # mirrors W2D3 Poisson_generator (without its reseeding, so two calls continue one stream)
    u_rand = np.random.rand(n, Lt)
    return 1. * (u_rand < rate * (dt / 1000.))


def run_LIF(pars, Iinj, stop=False):
    # mirrors W2D3 T1 run_LIF (solution of Coding Exercise 1)
    V_th, V_reset = pars['V_th'], pars['V_reset']
    tau_m, g_L = pars['tau_m'], pars['g_L']
    V_init, E_L = pars['V_init'], pars['E_L']
    dt, range_t = pars['dt'], pars['range_t']
    Lt = range_t.size
    tref = pars['tref']
    v = np.zeros(Lt)
    v[0] = V_init
    Iinj = Iinj * np.ones(Lt)
    if stop:
        Iinj[:int(len(Iinj) / 2) - 1000] = 0
        Iinj[int(len(Iinj) / 2) + 1000:] = 0
    rec_spikes = []
    tr = 0.
    for it in range(Lt - 1):
        if tr > 0:
            v[it] = V_reset
            tr = tr - 1
        elif v[it] >= V_th:
            rec_spikes.append(it)
            v[it] = V_reset
            tr = tref / dt
        dv = (-(v[it] - E_L) + Iinj[it] / g_L) * (dt / tau_m)
        v[it + 1] = v[it] + dv
    rec_spikes = np.array(rec_spikes) * dt
    return v, rec_spikes


def lif_pars(**kwargs):
    # mirrors W2D3 default_pars (Tutorial 1; Tutorial 3 sets V_init = -65, Tutorial 2 calls E_L V_L)
    pars = {'V_th': -55., 'V_reset': -75., 'tau_m': 10., 'g_L': 10., 'V_init': -75., 'E_L': -75.,
            'tref': 2., 'T': 400., 'dt': .1}
    pars.update(kwargs)
    pars['range_t'] = np.arange(0, pars['T'], pars['dt'])
    return pars


def w2d3_cond_lif(p, data):
    def run_LIF_cond(pars, I_inj, pre_spike_train_ex, pre_spike_train_in):
        # mirrors W2D3 T3 run_LIF_cond
        V_th, V_reset = pars['V_th'], pars['V_reset']
        tau_m, g_L = pars['tau_m'], pars['g_L']
        V_init, E_L = pars['V_init'], pars['E_L']
        gE_bar, gI_bar = pars['gE_bar'], pars['gI_bar']
        VE, VI = pars['VE'], pars['VI']
        tau_syn_E, tau_syn_I = pars['tau_syn_E'], pars['tau_syn_I']
        tref = pars['tref']
        dt, range_t = pars['dt'], pars['range_t']
        Lt = range_t.size
        tr = 0.
        v = np.zeros(Lt)
        v[0] = V_init
        gE = np.zeros(Lt)
        gI = np.zeros(Lt)
        Iinj = I_inj * np.ones(Lt)
        if pre_spike_train_ex.max() == 0:
            pre_spike_train_ex_total = np.zeros(Lt)
        else:
            pre_spike_train_ex_total = pre_spike_train_ex.sum(axis=0) * np.ones(Lt)
        if pre_spike_train_in.max() == 0:
            pre_spike_train_in_total = np.zeros(Lt)
        else:
            pre_spike_train_in_total = pre_spike_train_in.sum(axis=0) * np.ones(Lt)
        rec_spikes = []
        for it in range(Lt - 1):
            if tr > 0:
                v[it] = V_reset
                tr = tr - 1
            elif v[it] >= V_th:
                rec_spikes.append(it)
                v[it] = V_reset
                tr = tref / dt
            gE[it + 1] = gE[it] - (dt / tau_syn_E) * gE[it] + gE_bar * pre_spike_train_ex_total[it + 1]
            gI[it + 1] = gI[it] - (dt / tau_syn_I) * gI[it] + gI_bar * pre_spike_train_in_total[it + 1]
            dv = (dt / tau_m) * (-(v[it] - E_L)
                                 - (gE[it + 1] / g_L) * (v[it] - VE)
                                 - (gI[it + 1] / g_L) * (v[it] - VI) + Iinj[it] / g_L)
            v[it + 1] = v[it] + dv
        rec_spikes = np.array(rec_spikes) * dt
        return v, rec_spikes, gE, gI

    # Tutorial 3's default_pars and the synapses of its Coding Exercise 1.2
    pars = lif_pars(T=p["T"], dt=p["dt"], V_init=-65.)
    pars['gE_bar'], pars['VE'], pars['tau_syn_E'] = 2.4, 0., 2.
    pars['gI_bar'], pars['VI'], pars['tau_syn_I'] = 2.4, -80., 5.
    Lt = pars['range_t'].size
    np.random.seed(int(p["seed"]))
    ex = poisson_trains(p["rate"], int(p["n_ex"]), Lt, pars['dt'])
    inh = poisson_trains(p["rate"], int(p["n_in"]), Lt, pars['dt'])

    def run():
        v, sp, _, _ = run_LIF_cond(pars, 0, ex, inh)
        return {"spikes": len(sp), "mean_v": float(v.mean())}
    return run


def w2d3_stdp(p, data):
    def default_pars_STDP(**kwargs):  # mirrors W2D3 T4 default_pars_STDP
        pars = {'V_th': -55., 'V_reset': -75., 'tau_m': 10., 'V_init': -65., 'V_L': -75., 'tref': 2.,
                'A_plus': 0.008, 'tau_stdp': 20., 'T': 400., 'dt': .1}
        pars['A_minus'] = pars['A_plus'] * 1.10
        pars.update(kwargs)
        pars['range_t'] = np.arange(0, pars['T'], pars['dt'])
        return pars

    def generate_P(pars, pre_spike_train_ex):  # mirrors W2D3 T4 generate_P (solution of Exercise 1B)
        A_plus, tau_stdp = pars['A_plus'], pars['tau_stdp']
        dt, range_t = pars['dt'], pars['range_t']
        Lt = range_t.size
        P = np.zeros(pre_spike_train_ex.shape)
        for it in range(Lt - 1):
            dP = -(dt / tau_stdp) * P[:, it] + A_plus * pre_spike_train_ex[:, it + 1]
            P[:, it + 1] = P[:, it] + dP
        return P

    def run_LIF_cond_STDP(pars, pre_spike_train_ex):  # mirrors W2D3 T4 run_LIF_cond_STDP
        V_th, V_reset = pars['V_th'], pars['V_reset']
        tau_m = pars['tau_m']
        V_init, V_L = pars['V_init'], pars['V_L']
        gE_bar, VE, tau_syn_E = pars['gE_bar'], pars['VE'], pars['tau_syn_E']
        gE_init = pars['gE_init']
        tref = pars['tref']
        A_minus, tau_stdp = pars['A_minus'], pars['tau_stdp']
        dt, range_t = pars['dt'], pars['range_t']
        Lt = range_t.size
        P = generate_P(pars, pre_spike_train_ex)
        tr = 0.
        v = np.zeros(Lt)
        v[0] = V_init
        M = np.zeros(Lt)
        gE = np.zeros(Lt)
        gE_bar_update = np.zeros(pre_spike_train_ex.shape)
        gE_bar_update[:, 0] = gE_init
        rec_spikes = []
        for it in range(Lt - 1):
            if tr > 0:
                v[it] = V_reset
                tr = tr - 1
            elif v[it] >= V_th:
                rec_spikes.append(it)
                v[it] = V_reset
                M[it] = M[it] - A_minus
                gE_bar_update[:, it] = gE_bar_update[:, it] + P[:, it] * gE_bar
                id_temp = gE_bar_update[:, it] > gE_bar
                gE_bar_update[id_temp, it] = gE_bar
                tr = tref / dt
            M[it + 1] = M[it] - dt / tau_stdp * M[it]
            gE[it + 1] = gE[it] - (dt / tau_syn_E) * gE[it] + (gE_bar_update[:, it] * pre_spike_train_ex[:, it]).sum()
            gE_bar_update[:, it + 1] = gE_bar_update[:, it] + M[it] * pre_spike_train_ex[:, it] * gE_bar
            id_temp = gE_bar_update[:, it + 1] < 0
            gE_bar_update[id_temp, it + 1] = 0.
            dv = (-(v[it] - V_L) - gE[it + 1] * (v[it] - VE)) * (dt / tau_m)
            v[it + 1] = v[it] + dv
        rec_spikes = np.array(rec_spikes) * dt
        return v, rec_spikes, gE, P, M, gE_bar_update

    # as example_LIF_STDP sets them up
    pars = default_pars_STDP(T=p["T"], dt=p["dt"])
    pars['gE_bar'], pars['gE_init'], pars['VE'], pars['tau_syn_E'] = 0.024, p["g_init"], 0., 5.
    np.random.seed(int(p["seed"]))
    pre = poisson_trains(p["rate"], int(p["n"]), pars['range_t'].size, pars['dt'])

    def run():
        _, sp, gE, _, _, _ = run_LIF_cond_STDP(pars, pre)
        return {"spikes": len(sp), "mean_gE": float(gE.mean())}
    return run


def w2d3_output_cc(p, data):
    def my_GWN(pars, sig):
        # mirrors W2D3 T2 my_GWN (its unseeded case; the caller seeds once per trial)
        return sig * np.random.randn(pars['range_t'].size) * np.sqrt(pars['tau_m'] / pars['dt'])

    def correlate_input(pars, mu=20., sig=7.5, c=0.3):  # mirrors W2D3 T2 correlate_input
        xi_1 = my_GWN(pars, sig)
        xi_2 = my_GWN(pars, sig)
        xi_c = my_GWN(pars, sig)
        I1gL = mu + np.sqrt(1. - c) * xi_1 + np.sqrt(c) * xi_c
        I2gL = mu + np.sqrt(1. - c) * xi_2 + np.sqrt(c) * xi_c
        return I1gL, I2gL

    def my_CC(i, j):  # mirrors W2D3 T2 my_CC (solution of Exercise 1A)
        cov = ((i - i.mean()) * (j - j.mean())).sum()
        var_i = ((i - i.mean()) * (i - i.mean())).sum()
        var_j = ((j - j.mean()) * (j - j.mean())).sum()
        return cov / np.sqrt(var_i * var_j)

    def LIF_output_cc(pars, mu, sig, c, bin_size, n_trials=20, seed=0):
        # mirrors W2D3 T2 LIF_output_cc; the course leaves NumPy unseeded, here trial k draws
        # after np.random.seed(seed + k), as nma-go's LIFOutputCC does
        r12 = np.zeros(n_trials)
        sp_rate = np.zeros(n_trials)
        for i_trial in range(n_trials):
            np.random.seed(seed + i_trial)
            I1gL, I2gL = correlate_input(pars, mu, sig, c)
            _, sp1 = run_LIF(pars, pars['g_L'] * I1gL)
            _, sp2 = run_LIF(pars, pars['g_L'] * I2gL)
            my_bin = np.arange(0, pars['T'], bin_size)
            sp1_count, _ = np.histogram(sp1, bins=my_bin)
            sp2_count, _ = np.histogram(sp2, bins=my_bin)
            r12[i_trial] = my_CC(sp1_count[::20], sp2_count[::20])
            sp_rate[i_trial] = len(sp1) / pars['T'] * 1000.
        return r12.mean(), sp_rate.mean(), sp1, sp2

    pars = lif_pars(T=p["T"], dt=p["dt"])

    def run():
        r12, rate, _, _ = LIF_output_cc(pars, p["mu"], p["sig"], p["c"], p["bin"], n_trials=int(p["trials"]),
                                        seed=int(p["seed"]))
        return {"r12": float(r12), "rate": float(rate)}
    return run


def w2d3_lif_dc(p, data):
    # W2D3 T1's DC F-I curve (the DC half of Interactive Demo 3A): run_LIF for each mean current
    pars = lif_pars(T=p["T"], dt=p["dt"])
    currents = np.arange(p["i_min"], p["i_max"], p["i_step"])

    def run():
        n = 0
        for I in currents:
            _, sp = run_LIF(pars, Iinj=I)
            n += len(sp)
        return {"spikes": n}
    return run


def w2d3_stp(p, data):
    def dynamic_syn(g_bar, tau_syn, U0, tau_d, tau_f, pre_spike_train, dt):  # mirrors W2D3 T3 dynamic_syn
        Lt = len(pre_spike_train)
        u = np.zeros(Lt)
        R = np.zeros(Lt)
        R[0] = 1.
        g = np.zeros(Lt)
        for it in range(Lt - 1):
            du = -(dt / tau_f) * u[it] + U0 * (1.0 - u[it]) * pre_spike_train[it + 1]
            u[it + 1] = u[it] + du
            dR = (dt / tau_d) * (1.0 - R[it]) - u[it + 1] * R[it] * pre_spike_train[it + 1]
            R[it + 1] = R[it] + dR
            dg = -(dt / tau_syn) * g[it] + g_bar * R[it] * u[it + 1] * pre_spike_train[it + 1]
            g[it + 1] = g[it] + dg
        return u, R, g

    def my_illus_STD(rate=20., U0=0.5, tau_d=100., tau_f=50.):
        # mirrors W2D3 T3 my_illus_STD with a regular train and plot_out=False
        T_simu = 10.0 * 1000 / (1.0 * rate)
        pars = lif_pars(T=T_simu)
        dt = pars['dt']
        isi_num = int((1e3 / rate) / dt)
        pre_spike_train = np.zeros(len(pars['range_t']))
        pre_spike_train[::isi_num] = 1.
        u, R, g = dynamic_syn(g_bar=1.2, tau_syn=5., U0=U0, tau_d=tau_d, tau_f=tau_f,
                              pre_spike_train=pre_spike_train, dt=pars['dt'])
        return g[isi_num], g[9 * isi_num]

    def run():
        g1, g10 = 0., 0.
        for rate in np.arange(5., 40.1, 5.):  # the STD sweep of Section 2.1
            a, b = my_illus_STD(rate=rate, U0=0.5, tau_d=100., tau_f=50)
            g1, g10 = g1 + a, g10 + b
        for rate in np.arange(2., 40.1, 2.):  # the STF sweep of Section 2.2
            a, b = my_illus_STD(rate=rate, U0=0.2, tau_d=100., tau_f=750.)
            g1, g10 = g1 + a, g10 + b
        return {"g1_sum": float(g1), "g10_sum": float(g10)}
    return run


# ---------------------------------------------------------------- W2D2: linear systems

def w2d2_integrate_exponential(p, data):
    def integrate_exponential(a, x0, dt, T):  # mirrors W2D2 T1 integrate_exponential (solution)
        t = np.arange(0, T, dt)
        x = np.zeros_like(t, dtype=complex)
        x[0] = x0
        for k in range(1, len(t)):
            xdot = (a * x[k - 1])
            x[k] = x[k - 1] + xdot * dt
        return x, t

    def run():
        x, t = integrate_exponential(p["a"], p["x0"], p["dt"], p["T"])
        return {"steps": len(t), "x_end": float(x[-1].real)}
    return run


def w2d2_ar_sweep(p, data):
    def build_time_delay_matrices(x, r):  # mirrors W2D2 T4 build_time_delay_matrices
        x1 = np.ones(len(x) - r)
        x1 = np.vstack((x1, x[0:-r]))
        xprime = x
        for i in range(r - 1):
            xprime = np.roll(xprime, -1)
            x1 = np.vstack((x1, xprime[0:-r]))
        x2 = x[r:]
        return x1, x2

    def AR_prediction(x_test, p):  # mirrors W2D2 T4 AR_prediction
        x1, x2 = build_time_delay_matrices(x_test, len(p) - 1)
        return np.sign(np.dot(x1.T, p))

    def error_rate(x_test, p):  # mirrors W2D2 T4 error_rate
        x1, x2 = build_time_delay_matrices(x_test, len(p) - 1)
        return np.count_nonzero(x2 - AR_prediction(x_test, p)) / len(x2)

    def AR_model(x, r):  # mirrors W2D2 T4 AR_model
        x1, x2 = build_time_delay_matrices(x, r)
        p, res, rnk, s = np.linalg.lstsq(x1.T, x2, rcond=None)
        return x1, x2, p

    def char2array(s):  # mirrors W2D2 T4 char2array
        m = [int(c) for c in s]
        x = np.array(m)
        return x * 2 - 1

    with open(os.path.join(data, "ar_sequences.json")) as f:
        seq = json.load(f)
    x = char2array(seq["train"])
    test = char2array(seq["test"])

    def run():
        # the sweep of orders of Tutorial 4's last cell
        r = np.arange(1, int(p["max_order"]) + 1)
        err = np.ones_like(r) * 1.0
        for i, rr in enumerate(r):
            x1, x2, pp = AR_model(x, rr)
            err[i] = error_rate(test, pp)
        return {"err_sum": float(err.sum())}
    return run


def w2d2_ddm_sweep(p, data):
    def ddm(T, x0, xinfty, lam, sig):  # mirrors W2D2 T3 ddm
        t = np.arange(0, T, 1.)
        x = np.zeros_like(t)
        x[0] = x0
        for k in range(len(t) - 1):
            x[k + 1] = xinfty + lam * (x[k] - xinfty) + sig * np.random.standard_normal(size=1)
        return t, x

    def ddm_eq_var(T, x0, xinfty, lam, sig):  # mirrors W2D2 T3 ddm_eq_var
        t, x = ddm(T, x0, xinfty, lam, sig)
        return x[-round(T / 2):].var()

    def run():
        # Coding Exercise 3 of W2D2 T3
        np.random.seed(int(p["seed"]))
        lambdas = np.arange(0.05, 0.95, 0.01)
        empirical_variances = np.zeros_like(lambdas)
        for i, lam in enumerate(lambdas):
            empirical_variances[i] = ddm_eq_var(int(p["T"]), p["x0"], p["xinfty"], lambdas[i], p["sig"])
        return {"var_sum": float(empirical_variances.sum())}
    return run


# ---------------------------------------------------------------- W2D4: dynamic networks

def wc_pars(**kwargs):
    # mirrors W2D4 T2/T3 default_pars
    pars = {'tau_E': 1., 'a_E': 1.2, 'theta_E': 2.8, 'tau_I': 2.0, 'a_I': 1.0, 'theta_I': 4.0,
            'wEE': 9., 'wEI': 4., 'wIE': 13., 'wII': 11., 'I_ext_E': 0., 'I_ext_I': 0.,
            'T': 50., 'dt': .1, 'rE_init': 0.2, 'rI_init': 0.2}
    pars.update(kwargs)
    pars['range_t'] = np.arange(0, pars['T'], pars['dt'])
    return pars


def F(x, a, theta):  # mirrors W2D4 F (solution of T1 Exercise 1.2)
    return (1 + np.exp(-a * (x - theta)))**-1 - (1 + np.exp(a * theta))**-1


def w2d4_wilson_cowan(p, data):
    def simulate_wc(tau_E, a_E, theta_E, tau_I, a_I, theta_I, wEE, wEI, wIE, wII, I_ext_E, I_ext_I,
                    rE_init, rI_init, dt, range_t, **other_pars):
        # mirrors W2D4 T2 simulate_wc (solution of Exercise 1.2)
        Lt = range_t.size
        rE = np.append(rE_init, np.zeros(Lt - 1))
        rI = np.append(rI_init, np.zeros(Lt - 1))
        I_ext_E = I_ext_E * np.ones(Lt)
        I_ext_I = I_ext_I * np.ones(Lt)
        for k in range(Lt - 1):
            drE = dt / tau_E * (-rE[k] + F(wEE * rE[k] - wEI * rI[k] + I_ext_E[k], a_E, theta_E))
            drI = dt / tau_I * (-rI[k] + F(wIE * rE[k] - wII * rI[k] + I_ext_I[k], a_I, theta_I))
            rE[k + 1] = rE[k] + drE
            rI[k + 1] = rI[k] + drI
        return rE, rI

    def run():
        # the two runs of Exercise 1.2
        s = 0.
        for rE0, rI0 in [(0.32, 0.15), (0.33, 0.15)]:
            rE, rI = simulate_wc(**wc_pars(rE_init=rE0, rI_init=rI0))
            s += rE[-1]
        return {"rE_end_sum": float(s)}
    return run


def w2d4_wc_fixed_points(p, data):
    import scipy.optimize as opt

    def my_fp(pars, rE_init, rI_init):  # mirrors W2D4 T3 my_fp
        tau_E, a_E, theta_E = pars['tau_E'], pars['a_E'], pars['theta_E']
        tau_I, a_I, theta_I = pars['tau_I'], pars['a_I'], pars['theta_I']
        wEE, wEI = pars['wEE'], pars['wEI']
        wIE, wII = pars['wIE'], pars['wII']
        I_ext_E, I_ext_I = pars['I_ext_E'], pars['I_ext_I']

        def my_WCr(x):
            rE, rI = x
            drEdt = (-rE + F(wEE * rE - wEI * rI + I_ext_E, a_E, theta_E)) / tau_E
            drIdt = (-rI + F(wIE * rE - wII * rI + I_ext_I, a_I, theta_I)) / tau_I
            y = np.array([drEdt, drIdt])
            return y

        x0 = np.array([rE_init, rI_init])
        x_fp = opt.root(my_WCr, x0).x
        return x_fp

    pars = wc_pars()

    def run():
        # Coding Exercise 1.1 of W2D4 T3: the three guesses
        s = 0.
        for g in [(0.1, 0.1), (0.3, 0.3), (0.8, 0.6)]:
            s += my_fp(pars, *g).sum()
        return {"fp_sum": float(s)}
    return run


# ---------------------------------------------------------------- harness side

def info():
    """Versions, thread settings and the BLAS libraries the process loaded."""
    out = {"python": sys.version.split()[0], "executable": sys.executable, "numpy": np.__version__}
    try:
        import torch as t
        out["torch"] = t.__version__
        out["torch_threads"] = t.get_num_threads()
    except ImportError as e:
        out["torch"] = "missing: " + str(e)
    try:
        import scipy
        out["scipy"] = scipy.__version__
    except ImportError as e:
        out["scipy"] = "missing: " + str(e)
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                name = os.path.basename(line.split()[-1]) if "/" in line else ""
                if any(k in name for k in ("blas", "lapack", "mkl", "dnnl", "gomp")):
                    libs.add(os.path.realpath(line.split()[-1]))
    except OSError:
        pass
    out["libraries"] = sorted(libs)
    out["env"] = {k: os.environ.get(k, "") for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    print(json.dumps(out))


def finite(v):
    """NaN travels as null (JSON has no NaN)."""
    return None if math.isnan(v) or math.isinf(v) else v


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workload", nargs="?")
    ap.add_argument("--params", default="{}")
    ap.add_argument("--data", default=".")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--info", action="store_true")
    a = ap.parse_args()
    if a.info:
        info()
        return
    fn = globals().get(a.workload)
    if not a.workload or not a.workload.startswith("w2d") or not callable(fn):
        ap.error(f"no workload {a.workload!r}")
    p = json.loads(a.params)
    if a.workload.startswith("w2d1"):
        import_torch(a.threads)
    call = fn(p, a.data)
    reps = max(int(round(p.get("reps", 1))), 1)
    if reps > 1:
        call()
    gc.collect()
    cpu0, start = time.process_time(), time.perf_counter()
    for _ in range(reps):
        check = call()
    sec = (time.perf_counter() - start) / reps
    cpu = (time.process_time() - cpu0) / reps
    res = {"workload": a.workload, "side": "python", "threads": a.threads, "reps": reps, "seconds": sec,
           "cpu_seconds": finite(cpu), "check": {k: finite(float(v)) for k, v in check.items()}}
    sys.stdout.flush()
    print("BENCHCMP " + json.dumps(res), flush=True)


if __name__ == "__main__":
    main()
