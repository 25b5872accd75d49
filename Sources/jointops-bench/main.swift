// The entry point: `jointops-bench --quick` (see JointOpsBench.swift and BENCHMARKS.md).
JointOpsBench.main()
