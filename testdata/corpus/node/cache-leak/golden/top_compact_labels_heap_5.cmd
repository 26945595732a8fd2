go tool pprof -top -compact_labels heap_5.pb.gz
