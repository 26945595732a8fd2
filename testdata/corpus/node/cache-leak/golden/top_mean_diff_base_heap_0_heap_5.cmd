go tool pprof -top -mean -diff_base heap_0.pb.gz heap_5.pb.gz
